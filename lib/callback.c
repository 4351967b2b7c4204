#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "callback.h"
#include "html.h"
#include "util.h"

/* A request line and headers larger than this are not a browser's callback. */
#define MAX_REQUEST (16 * 1024)
/* Seconds a connection may take to send its request once it is open. */
#define REQUEST_TIMEOUT 10.0

void
callback_uri(const char *uri, unsigned *port, char **path)
{
	static const char prefix[] = "http://127.0.0.1:";
	const char *p = uri + sizeof prefix - 1;
	char *end;
	unsigned long n;

	if (strncmp(uri, prefix, sizeof prefix - 1) != 0 || *p < '0' || *p > '9')
		die(EXIT_USAGE, "--redirect-uri %s: expected http://127.0.0.1:PORT/PATH, as "
		    "registered for the app (X wants 127.0.0.1, not localhost)", uri);
	n = strtoul(p, &end, 10);
	if (n == 0 || n > 65535 || (*end != '/' && *end != '\0'))
		die(EXIT_USAGE, "--redirect-uri %s: the port is not a port number", uri);
	if (strpbrk(end, "?#"))
		die(EXIT_USAGE, "--redirect-uri %s: a callback has no query or fragment", uri);
	*port = (unsigned)n;
	*path = xstrdup(*end ? end : "/");
}

int
callback_listen(unsigned port)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), on = 1;

	if (fd < 0)
		die(EXIT_FAIL, "socket:");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	/* The loopback address only: nobody else on the network may hand in a code. */
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0)
		die(EXIT_USAGE, "127.0.0.1:%u: cannot listen there:", port);
	if (listen(fd, 4) < 0)
		die(EXIT_FAIL, "listen:");
	return fd;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits for fd to be readable until deadline: 1 when it is, 0 when time ran out. */
static int
wait_readable(int fd, double deadline)
{
	struct pollfd p = { fd, POLLIN, 0 };
	double left;
	int r;

	while ((left = deadline - now()) > 0) {
		r = poll(&p, 1, left > 1 ? 1000 : (int)(left * 1000) + 1);
		if (r > 0)
			return 1;
		if (r < 0 && errno != EINTR)
			die(EXIT_FAIL, "poll:");
	}
	return 0;
}

/* The request's target, once its headers are in; 0 when it is no HTTP request. */
static int
read_request(int conn, struct buf *target)
{
	struct buf req = {0};
	double deadline = now() + REQUEST_TIMEOUT;
	char chunk[2048], *sp, *sp2;
	ssize_t n;
	int ok = 0;

	while (strstr(req.p ? req.p : "", "\r\n\r\n") == NULL && req.len < MAX_REQUEST) {
		if (!wait_readable(conn, deadline))
			break;
		n = read(conn, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		buf_add(&req, chunk, (size_t)n);
	}
	if (req.p && strncmp(req.p, "GET ", 4) == 0 && (sp = strchr(req.p + 4, ' ')) != NULL &&
	    (sp2 = strstr(req.p, "\r\n")) != NULL && sp < sp2) {
		buf_reset(target);
		buf_add(target, req.p + 4, (size_t)(sp - req.p - 4));
		ok = 1;
	}
	/* The request holds the code: its copy goes. */
	if (req.p)
		memset(req.p, 0, req.len);
	memset(chunk, 0, sizeof chunk);
	buf_free(&req);
	return ok;
}

int
callback_accept(int listener, double timeout, struct buf *target)
{
	double deadline = now() + timeout;
	int conn;

	while (wait_readable(listener, deadline)) {
		conn = accept(listener, NULL, NULL);
		if (conn < 0)
			continue;
		if (read_request(conn, target))
			return conn;
		/* A browser opens connections it may never use: not the request. */
		close(conn);
	}
	return -1;
}

void
callback_answer(int conn, int ok, const char *message)
{
	struct buf page = {0}, head = {0};
	size_t off = 0;
	ssize_t n;

	buf_printf(&page, "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
	    "<title>followback: %s</title></head>\n<body><h1>%s</h1>\n<p>", ok ? "signed in" :
	    "sign-in failed", ok ? "Signed in" : "Sign-in failed");
	html_text(&page, message, strlen(message));
	buf_adds(&page, "</p>\n<p>You can close this tab and go back to the terminal.</p>"
	    "</body></html>\n");
	buf_printf(&head, "HTTP/1.1 %s\r\nContent-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: %zu\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
	    "Connection: close\r\n\r\n", ok ? "200 OK" : "400 Bad Request", page.len);
	buf_add(&head, page.p, page.len);
	while (off < head.len) {
		n = write(conn, head.p + off, head.len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;	/* the browser went: the terminal says it all */
		off += (size_t)n;
	}
	close(conn);
	buf_free(&page);
	buf_free(&head);
}

static int
hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *
callback_param(const char *url, const char *name)
{
	const char *q = strchr(url, '?'), *p, *end;
	size_t n = strlen(name);
	struct buf v = {0};

	for (p = q ? q + 1 : url; *p && *p != '#'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, "&#");
		if (*end == '#')
			end = p + strcspn(p, "#");
		if ((size_t)(end - p) < n + 1 || strncmp(p, name, n) != 0 || p[n] != '=')
			continue;
		for (p += n + 1; p < end; p++)
			if (*p == '%' && p + 2 < end && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
				buf_addc(&v, (char)(hex(p[1]) * 16 + hex(p[2])));
				p += 2;
			} else
				buf_addc(&v, *p == '+' ? ' ' : *p);
		return v.p ? v.p : xstrdup("");
	}
	return NULL;
}
