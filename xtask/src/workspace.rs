//! Where things are: the repository root, `dist/`, the cargo target directory.

use std::path::{Path, PathBuf};

/// The repository this xtask belongs to.
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// The workspace that contains this crate, wherever the command runs from.
    pub fn locate() -> Workspace {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        Workspace {
            root: manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf(),
        }
    }

    /// The repository root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The built site.
    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// The static shell: landing page, CSS, loaders.
    pub fn www(&self) -> PathBuf {
        self.root.join("www")
    }

    /// Cargo's target directory, honouring `CARGO_TARGET_DIR` as cargo does.
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => {
                let dir = PathBuf::from(dir);
                if dir.is_absolute() {
                    dir
                } else {
                    std::env::current_dir()
                        .map(|cwd| cwd.join(&dir))
                        .unwrap_or(dir)
                }
            }
            None => self.root.join("target"),
        }
    }

    /// Scratch space for the xtask's own intermediate files.
    pub fn scratch(&self) -> PathBuf {
        self.target_dir().join("xtask")
    }
}
