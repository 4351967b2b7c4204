/* tw-auth: sign in as the app's owner, for owned reads at $0.001. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "signin.h"
#include "usertoken.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--client-id id | --client-id-file file] [--headless]\n"
	"       [options]\n"
	"       tw-auth --status | --revoke | --logout",
	"Sign in to X as the owner of your developer app (OAuth 2.0 with PKCE), so\n"
	"that the fetchers read your own followers, following, mentions and posts\n"
	"at the owned-read price. The tokens are kept in ~/.config/followback/user.json.",
	"      --client-id ID    the app's OAuth 2.0 client id (default: the one\n"
	"                        stored by the last sign-in)\n"
	"      --client-id-file FILE\n"
	"                        read the client id from FILE\n"
	"      --client-secret-file FILE\n"
	"                        a confidential client's secret, in a file only its\n"
	"                        owner can read (default $TW_CLIENT_SECRET; without\n"
	"                        either, a public client)\n"
	"      --redirect-uri URI\n"
	"                        the callback registered for the app (default\n"
	"                        " SIGNIN_REDIRECT ")\n"
	"      --headless        listen for nothing: paste the address the browser\n"
	"                        was sent to on stdin\n"
	"      --no-browser      print the address to open, and open no browser\n"
	"      --timeout SEC     wait SEC seconds for the browser (default 300)\n"
	"      --api URL         the token endpoint's base URL (default\n"
	"                        $TW_API_BASE, else https://api.x.com)\n"
	"      --authorize-url URL\n"
	"                        the page that asks the user (default\n"
	"                        " SIGNIN_AUTHORIZE ")\n"
	"      --status          say who is signed in and until when; exit 1 if no one\n"
	"      --revoke          revoke the tokens at X, then remove them\n"
	"      --logout          remove the stored tokens (X keeps the grant)\n"
	"  -h, --help            show this help\n"
	"      --version         show the version\n",
};

enum {
	OPT_CLIENT_ID = 1, OPT_CLIENT_ID_FILE, OPT_SECRET_FILE, OPT_REDIRECT, OPT_HEADLESS,
	OPT_NO_BROWSER, OPT_TIMEOUT, OPT_API, OPT_AUTHORIZE, OPT_STATUS, OPT_REVOKE, OPT_LOGOUT,
	OPT_VERSION
};

static const struct option longopts[] = {
	{"client-id", required_argument, NULL, OPT_CLIENT_ID},
	{"client-id-file", required_argument, NULL, OPT_CLIENT_ID_FILE},
	{"client-secret-file", required_argument, NULL, OPT_SECRET_FILE},
	{"redirect-uri", required_argument, NULL, OPT_REDIRECT},
	{"headless", no_argument, NULL, OPT_HEADLESS},
	{"no-browser", no_argument, NULL, OPT_NO_BROWSER},
	{"timeout", required_argument, NULL, OPT_TIMEOUT},
	{"api", required_argument, NULL, OPT_API},
	{"authorize-url", required_argument, NULL, OPT_AUTHORIZE},
	{"status", no_argument, NULL, OPT_STATUS},
	{"revoke", no_argument, NULL, OPT_REVOKE},
	{"logout", no_argument, NULL, OPT_LOGOUT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct signin_opts o = {
		.redirect_uri = SIGNIN_REDIRECT, .authorize = SIGNIN_AUTHORIZE,
		.timeout = 300, .browser = 1,
	};
	int c, action = 0;
	char *path;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1)
		switch (c) {
		case OPT_CLIENT_ID: o.client_id = optarg; break;
		case OPT_CLIENT_ID_FILE: o.client_id_file = optarg; break;
		case OPT_SECRET_FILE: o.secret_file = optarg; break;
		case OPT_REDIRECT: o.redirect_uri = optarg; break;
		case OPT_HEADLESS: o.headless = 1; break;
		case OPT_NO_BROWSER: o.browser = 0; break;
		case OPT_TIMEOUT: o.timeout = cli_number(&doc, "--timeout", optarg, 1, 86400); break;
		case OPT_API: o.api = optarg; break;
		case OPT_AUTHORIZE: o.authorize = optarg; break;
		case OPT_STATUS: case OPT_REVOKE: case OPT_LOGOUT:
			if (action && action != c)
				cli_usage(&doc, "--status, --revoke and --logout go alone");
			action = c;
			break;
		case 'h': cli_help(&doc);
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
	if (optind < argc)
		cli_usage(&doc, "%s: tw-auth takes no arguments", argv[optind]);
	if (o.client_id && o.client_id_file)
		cli_usage(&doc, "--client-id and --client-id-file: one of them");
	if ((path = usertoken_default_path()) == NULL)
		die(EXIT_USAGE, "neither XDG_CONFIG_HOME nor HOME is set: no place for the tokens");
	o.path = path;
	switch (action) {
	case OPT_STATUS: c = signin_status(path); break;
	case OPT_REVOKE: signin_revoke(path); c = EXIT_OK; break;
	case OPT_LOGOUT: signin_logout(path); c = EXIT_OK; break;
	default: signin(&o); c = EXIT_OK; break;
	}
	free(path);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_FAIL, "stdout:");
	return c;
}
