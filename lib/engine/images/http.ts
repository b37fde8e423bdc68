// What the catalogue's web servers answer, byte for byte, and the access-log line they write.
import { fnv32a } from "../random";
import { hex64 } from "./digest";
import { formatClock } from "./time-format";
import type { CatalogueImage, HttpContext, HttpModel, HttpRequest, HttpResponse } from "./types";

export const NGINX_WELCOME_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's /usr/share/nginx/html/50x.html, the page of its default error_page. */
export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const HTTPD_IT_WORKS_HTML = "<html><body><h1>It works!</h1></body></html>\n";

const HTTP_DATE_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const HTTP_DATE_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 7231 date, as in the Date header. */
export function httpDate(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${HTTP_DATE_DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${HTTP_DATE_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function nginxError(status: number, reason: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function helloHtml(req: HttpRequest, ctx: HttpContext, requestId: string): string {
  const date = formatClock("nginx-access", ctx.now);
  return `<!DOCTYPE html>
<html>
<head>
<title>Hello World</title>
<link href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAAA3NCSVQICAjb4U/gAAAACXBIWXMAAA7EAAAOxAGVKw4bAAAAGXRFWHRTb2Z0d2FyZQB3d3cuaW5rc2NhcGUub3Jnm+48GgAAAA==" rel="icon" type="image/png" />
<style>
body {
  margin: 0px;
  font: 20px 'RobotoRegular', Arial, sans-serif;
  font-weight: 100;
  height: 100%;
  color: #0f1419;
}
div.info {
  display: table;
  background: #e8eaec;
  padding: 20px 20px 20px 20px;
  border: 1px dashed black;
  border-radius: 10px;
  margin: 0px auto auto auto;
}
div.info p {
    display: table-row;
    margin: 5px auto auto auto;
}
div.info p span {
    display: table-cell;
    padding: 10px;
}
img {
    width: 176px;
    margin: 36px auto 36px auto;
    display:block;
}
div.smaller p span {
    color: #3D5266;
}
h1, h2 {
  font-weight: 100;
}
div.check {
    padding: 0px 0px 0px 0px;
    display: table;
    margin: 36px auto auto auto;
    font: 12px 'RobotoRegular', Arial, sans-serif;
}
#footer {
    position: fixed;
    bottom: 36px;
    width: 100%;
}
#center {
    width: 400px;
    margin: 0 auto;
    font: 12px Courier;
}

</style>
<script>
var ref;
function checkRefresh(){
    if (document.cookie == "refresh=1") {
        document.getElementById("check").checked = true;
        ref = setTimeout(function(){location.reload();}, 1000);
    } else {
    }
}
function changeCookie() {
    if (document.getElementById("check").checked) {
        document.cookie = "refresh=1";
        ref = setTimeout(function(){location.reload();}, 1000);
    } else {
        document.cookie = "refresh=0";
        clearTimeout(ref);
    }
}
</script>
</head>
<body onload="checkRefresh();">
<img alt="NGINX Logo" src="http://d37h62yn5lrxxl.cloudfront.net/assets/nginx.png"/>
<div class="info">
<p><span>Server&nbsp;address:</span> <span>${ctx.serverAddress}:${ctx.serverPort}</span></p>
<p><span>Server&nbsp;name:</span> <span>${ctx.hostname}</span></p>
<p class="smaller"><span>Date:</span> <span>${date}</span></p>
<p class="smaller"><span>URI:</span> <span>${req.path}</span></p>
</div>
<br>
<div class="check"><input type="checkbox" id="check" onchange="changeCookie()"> Auto Refresh</div>
    <div id="footer">
        <div id="center" align="center">
            Request ID: ${requestId}<br/>
            &copy; NGINX, Inc. 2018 - 2024
        </div>
    </div>
</body>
</html>
`;
}

function modelOf(server: HttpModel | CatalogueImage): { model: HttpModel; version: string } {
  if (typeof server === "string") return { model: server, version: server === "httpd" ? "2.4.62" : "1.27.3" };
  const env = Object.fromEntries(server.config.env.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
  const model: HttpModel = server.model === "hello" || server.model === "hello-plain" || server.model === "httpd" ? server.model : server.model === "nginx" ? "nginx" : "health";
  return { model, version: model === "httpd" ? server.version : env.NGINX_VERSION ?? server.version };
}

/**
 * The response of the image's HTTP server to `req`, and the access-log line it writes.
 * `server` is an image from the catalogue or the name of an HTTP model.
 */
export function httpResponse(server: HttpModel | CatalogueImage, req: HttpRequest, ctx: HttpContext): HttpResponse {
  const { model, version } = modelOf(server);
  const method = req.method.toUpperCase();
  const httpVersion = req.httpVersion ?? "1.1";
  const ua = req.userAgent ?? "-";
  const date = httpDate(ctx.now);
  const requestId = hex64(`${ctx.now}|${ctx.clientAddress}|${req.path}|${fnv32a(ctx.hostname)}`).slice(0, 32);
  const path = req.path === "" ? "/" : req.path;
  switch (model) {
    case "nginx": {
      const found = path === "/" || path === "/index.html" || path === "/50x.html";
      const body = path === "/50x.html" ? NGINX_50X_HTML : found ? NGINX_WELCOME_HTML : nginxError(404, "Not Found", version);
      const status = found ? 200 : 404;
      const headers: [string, string][] = [
        ["Server", `nginx/${version}`],
        ["Date", date],
        ["Content-Type", "text/html"],
        ["Content-Length", String(body.length)],
      ];
      if (found) headers.push(["Last-Modified", "Tue, 26 Nov 2024 15:55:00 GMT"], ["Connection", "keep-alive"], ["ETag", `"6745ef54-${body.length.toString(16)}"`], ["Accept-Ranges", "bytes"]);
      else headers.push(["Connection", "keep-alive"]);
      return {
        status,
        reason: found ? "OK" : "Not Found",
        headers,
        body: method === "HEAD" ? "" : body,
        accessLog: { stream: "stdout", text: `${ctx.clientAddress} - - [${formatClock("nginx-access", ctx.now)}] "${method} ${path} HTTP/${httpVersion}" ${status} ${method === "HEAD" ? 0 : body.length} "-" "${ua}" "-"` },
      };
    }
    case "hello":
    case "hello-plain": {
      const body =
        model === "hello-plain"
          ? `Server address: ${ctx.serverAddress}:${ctx.serverPort}\nServer name: ${ctx.hostname}\nDate: ${formatClock("nginx-access", ctx.now)}\nURI: ${path}\nRequest ID: ${requestId}\n`
          : helloHtml({ ...req, path }, ctx, requestId);
      return {
        status: 200,
        reason: "OK",
        headers: [
          ["Server", `nginx/${version}`],
          ["Date", date],
          ["Content-Type", model === "hello-plain" ? "text/plain" : "text/html"],
          ["Content-Length", String(body.length)],
          ["Connection", "keep-alive"],
          ["Expires", httpDate(ctx.now - 1000)],
          ["Cache-Control", "no-cache"],
        ],
        body: method === "HEAD" ? "" : body,
        accessLog: { stream: "stdout", text: `${ctx.clientAddress} - - [${formatClock("nginx-access", ctx.now)}] "${method} ${path} HTTP/${httpVersion}" 200 ${method === "HEAD" ? 0 : body.length} "-" "${ua}" "-"` },
      };
    }
    case "httpd": {
      const found = path === "/" || path === "/index.html";
      const body = found
        ? HTTPD_IT_WORKS_HTML
        : `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
      const status = found ? 200 : 404;
      const headers: [string, string][] = [
        ["Date", date],
        ["Server", `Apache/${version} (Unix)`],
      ];
      if (found) headers.push(["Last-Modified", "Mon, 11 Jun 2007 18:53:14 GMT"], ["ETag", '"2d-432a5e4a73a80"'], ["Accept-Ranges", "bytes"]);
      headers.push(["Content-Length", String(body.length)], ["Content-Type", found ? "text/html" : "text/html; charset=iso-8859-1"]);
      return {
        status,
        reason: found ? "OK" : "Not Found",
        headers,
        body: method === "HEAD" ? "" : body,
        accessLog: { stream: "stdout", text: `${ctx.clientAddress} - - [${formatClock("nginx-access", ctx.now)}] "${method} ${path} HTTP/${httpVersion}" ${status} ${method === "HEAD" ? "-" : body.length}` },
      };
    }
    case "health": {
      const body = "ok";
      return { status: 200, reason: "OK", headers: [["Content-Type", "text/plain; charset=utf-8"], ["Date", date], ["Content-Length", "2"]], body: method === "HEAD" ? "" : body };
    }
  }
}

/** The raw response as `curl -i` prints it. */
export function formatHttpResponse(res: HttpResponse, httpVersion = "1.1"): string {
  const head = [`HTTP/${httpVersion} ${res.status} ${res.reason}`, ...res.headers.map(([k, v]) => `${k}: ${v}`)].join("\r\n");
  return `${head}\r\n\r\n${res.body}`;
}
