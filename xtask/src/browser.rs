//! The browser side: Chromium, the npm packages of `tests/browser/`, and the
//! node scripts that drive Chromium against the built site, served on 127.0.0.1
//! under a sub-path as a static host would.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process;
use crate::serve;
use crate::workspace::Workspace;
use crate::Result;

/// Where the tests mount the site, so that any absolute URL breaks them.
const BASE: &str = "/callcast/";
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

/// Runs every `tests/browser/*.test.mjs` with node's test runner.
pub fn tests(workspace: &Workspace) -> Result {
    let dir = prepare(workspace)?;
    let mut files: Vec<String> = fs::read_dir(&dir)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs in {}", dir.display()).into());
    }
    let mut node = node_against_site(workspace, &dir)?;
    process::run(node.arg("--test").args(&files))
}

/// Saves screenshots of the landing page, the playground and a book page, in
/// light and dark, into `out`.
pub fn screenshots(workspace: &Workspace, out: &Path) -> Result {
    let dir = prepare(workspace)?;
    fs::create_dir_all(out)?;
    let out = out.canonicalize()?;
    let mut node = node_against_site(workspace, &dir)?;
    process::run(node.arg("screenshots.mjs").arg(&out))?;
    println!("Screenshots are in {}", out.display());
    Ok(())
}

/// Runs the browser benchmarks (`tests/browser/bench.mjs`) against the built
/// site; `parts` picks some of them (see that file), none means all.
pub fn bench(workspace: &Workspace, parts: &[String]) -> Result {
    let dir = prepare(workspace)?;
    let mut node = node_against_site(workspace, &dir)?;
    process::run(node.arg("bench.mjs").args(parts))
}

/// Makes sure Chromium, node and the npm packages are there; returns the
/// directory of the browser scripts.
fn prepare(workspace: &Workspace) -> Result<PathBuf> {
    ensure_node()?;
    let dir = workspace.root().join("tests").join("browser");
    ensure_npm_packages(&dir)?;
    Ok(dir)
}

/// `node` in `dir`, told where the site is served and where Chromium is.
fn node_against_site(workspace: &Workspace, dir: &Path) -> Result<Command> {
    let chromium = ensure_chromium()?;
    let address = serve::in_background(&workspace.dist(), BASE)?;
    let url = format!("http://{address}{BASE}");
    println!("site served at {url}");
    let mut node = Command::new("node");
    node.current_dir(dir)
        .env("CALLCAST_URL", url)
        .env("CHROMIUM", chromium);
    Ok(node)
}

fn ensure_chromium() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!("CHROMIUM={} does not exist", path.display()).into())
        };
    }
    let path = PathBuf::from(DEFAULT_CHROMIUM);
    if !path.is_file() {
        install_debian_packages(&["chromium"], "Chromium")?;
    }
    Ok(path)
}

fn ensure_node() -> Result {
    let version = process::output(Command::new("node").arg("--version"));
    let major = version.as_deref().and_then(|v| {
        v.trim()
            .trim_start_matches('v')
            .split('.')
            .next()?
            .parse::<u32>()
            .ok()
    });
    match major {
        Some(major) if major >= 20 => Ok(()),
        Some(_) => Err(format!(
            "node {} is too old for the browser tests: install node 20 or newer",
            version.unwrap_or_default().trim()
        )
        .into()),
        None => install_debian_packages(&["nodejs", "npm"], "Node.js"),
    }
}

/// Installs Debian packages when running as root (as CI does); otherwise says
/// what to install.
fn install_debian_packages(packages: &[&str], what: &str) -> Result {
    let list = packages.join(" ");
    if !process::is_root() {
        return Err(format!(
            "{what} is missing: install it with `sudo apt-get install -y {list}` and run again"
        )
        .into());
    }
    println!("{what} is missing; installing it with apt-get");
    process::run(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    process::run(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Runs `npm ci` unless `node_modules` already has the pinned playwright-core.
fn ensure_npm_packages(dir: &Path) -> Result {
    let wanted = json_string(
        &dir.join("package.json"),
        &["dependencies", "playwright-core"],
    )?;
    let installed = json_string(
        &dir.join("node_modules/playwright-core/package.json"),
        &["version"],
    )
    .ok();
    if installed.as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    process::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir),
    )
}

fn json_string(file: &Path, keys: &[&str]) -> Result<String> {
    let text = fs::read_to_string(file)
        .map_err(|error| format!("could not read {}: {error}", file.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    keys.iter()
        .try_fold(&json, |value, key| value.get(key))
        .and_then(|value| value.as_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no {}", file.display(), keys.join(".")).into())
}
