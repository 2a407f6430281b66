//! A small static file server for `dist/` (std only): GET and HEAD, one thread per
//! connection, the site mounted under a base path so sub-path hosting is what the
//! tests exercise.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

use crate::Result;

/// Options of `cargo xtask serve`.
pub struct Options {
    /// TCP port on 127.0.0.1.
    pub port: u16,
    /// Path prefix the site is served under, starting and ending with `/`.
    pub base: String,
}

impl Options {
    /// Parses `--port N` and `--base PATH`.
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            port: 8000,
            base: "/".to_owned(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("`{arg}` needs a value"));
            match arg.as_str() {
                "--port" => {
                    let text = value()?;
                    options.port = text
                        .parse()
                        .map_err(|_| format!("`--port` takes a port number, not `{text}`"))?;
                }
                "--base" => options.base = normalize_base(value()?),
                other => return Err(format!("unknown option `{other}` for serve").into()),
            }
        }
        Ok(options)
    }
}

/// `callcast`, `/callcast`, `/callcast/` all mean `/callcast/`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// Serves `dir` until the process is stopped.
pub fn forever(dir: &Path, options: &Options) -> Result {
    let listener = TcpListener::bind(("127.0.0.1", options.port)).map_err(|error| {
        format!(
            "could not listen on 127.0.0.1:{}: {error} (try --port)",
            options.port
        )
    })?;
    println!(
        "\nServing {} at http://127.0.0.1:{}{}  (Ctrl+C stops)",
        dir.display(),
        options.port,
        options.base
    );
    accept_loop(listener, Arc::new(Site::new(dir, &options.base)));
    Ok(())
}

/// Serves `dir` under `base` on a free port, in the background, for as long as
/// the process lives; returns the address.
pub fn in_background(dir: &Path, base: &str) -> Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let address = listener.local_addr()?;
    let site = Arc::new(Site::new(dir, base));
    thread::spawn(move || accept_loop(listener, site));
    Ok(address)
}

fn accept_loop(listener: TcpListener, site: Arc<Site>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let site = Arc::clone(&site);
        thread::spawn(move || {
            if let Err(error) = site.handle(stream) {
                eprintln!("serve: {error}");
            }
        });
    }
}

struct Site {
    dir: PathBuf,
    base: String,
}

/// What to send back for a request.
#[derive(Debug, PartialEq, Eq)]
enum Reply {
    File(PathBuf),
    Redirect(String),
    NotFound,
    BadRequest,
    MethodNotAllowed,
}

impl Site {
    fn new(dir: &Path, base: &str) -> Site {
        Site {
            dir: dir.to_path_buf(),
            base: normalize_base(base),
        }
    }

    fn handle(&self, stream: TcpStream) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Drain the headers; nothing in them changes the answer.
        let mut line = String::new();
        for _ in 0..200 {
            line.clear();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
                break;
            }
        }
        let mut parts = request_line.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let reply = match method {
            "GET" | "HEAD" => self.resolve(target),
            _ => Reply::MethodNotAllowed,
        };
        respond(stream, reply, method == "HEAD")
    }

    /// Maps a request target to a reply. Pure, apart from looking at the disk.
    fn resolve(&self, target: &str) -> Reply {
        let path = target.split(['?', '#']).next().unwrap_or("");
        if path == self.base.trim_end_matches('/') && self.base != "/" {
            return Reply::Redirect(self.base.clone());
        }
        let Some(rest) = path.strip_prefix(&self.base) else {
            return if path == "/" {
                Reply::Redirect(self.base.clone())
            } else {
                Reply::NotFound
            };
        };
        let Some(relative) = percent_decode(rest) else {
            return Reply::BadRequest;
        };
        let relative = Path::new(&relative);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            return Reply::BadRequest;
        }
        let file = self.dir.join(relative);
        if file.is_dir() {
            if !path.ends_with('/') && !rest.is_empty() {
                return Reply::Redirect(format!("{path}/"));
            }
            let index = file.join("index.html");
            return if index.is_file() {
                Reply::File(index)
            } else {
                Reply::NotFound
            };
        }
        if file.is_file() {
            Reply::File(file)
        } else {
            Reply::NotFound
        }
    }
}

fn respond(mut stream: TcpStream, reply: Reply, head_only: bool) -> std::io::Result<()> {
    let (status, content_type, body, location) = match reply {
        Reply::File(path) => match std::fs::read(&path) {
            Ok(body) => ("200 OK", content_type(&path), body, None),
            Err(_) => (
                "404 Not Found",
                "text/plain; charset=utf-8",
                b"not found\n".to_vec(),
                None,
            ),
        },
        Reply::Redirect(to) => (
            "301 Moved Permanently",
            "text/plain; charset=utf-8",
            Vec::new(),
            Some(to),
        ),
        Reply::NotFound => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n".to_vec(),
            None,
        ),
        Reply::BadRequest => (
            "400 Bad Request",
            "text/plain; charset=utf-8",
            b"bad request\n".to_vec(),
            None,
        ),
        Reply::MethodNotAllowed => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"only GET and HEAD\n".to_vec(),
            None,
        ),
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(location) = location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or non-UTF-8 result.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        // The xtask's own sources stand in for a site: src/main.rs is a file.
        Site::new(Path::new(env!("CARGO_MANIFEST_DIR")), "callcast")
    }

    #[test]
    fn resolves_targets_under_the_base() {
        let site = site();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let cases = [
            (
                "/callcast/src/main.rs",
                Reply::File(root.join("src/main.rs")),
            ),
            (
                "/callcast/src/main.rs?x=1#y",
                Reply::File(root.join("src/main.rs")),
            ),
            (
                "/callcast/src/%6Dain.rs",
                Reply::File(root.join("src/main.rs")),
            ),
            ("/callcast", Reply::Redirect("/callcast/".into())),
            ("/", Reply::Redirect("/callcast/".into())),
            ("/callcast/src", Reply::Redirect("/callcast/src/".into())),
            ("/callcast/src/", Reply::NotFound),
            ("/src/main.rs", Reply::NotFound),
            ("/callcast/../Cargo.toml", Reply::BadRequest),
            ("/callcast/src/%2e%2e/Cargo.toml", Reply::BadRequest),
            ("/callcast/%zz", Reply::BadRequest),
        ];
        for (target, reply) in cases {
            assert_eq!(site.resolve(target), reply, "{target}");
        }
    }

    #[test]
    fn bases_are_normalized() {
        for (base, normalized) in [("", "/"), ("/", "/"), ("a", "/a/"), ("/a/b/", "/a/b/")] {
            assert_eq!(normalize_base(base), normalized);
        }
    }

    #[test]
    fn wasm_is_served_as_wasm() {
        assert_eq!(
            content_type(Path::new("pkg/callcast_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("embed-1a2b.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
