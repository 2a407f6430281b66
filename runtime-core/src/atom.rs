//! Interned atoms: an atom is a small index into one process-wide table of names.

use crate::fxhash::FxHashMap;
use std::sync::{Mutex, OnceLock};

/// An interned atom. Comparing two atoms for identity is comparing two integers;
/// ordering atoms (term order) compares their names, see [`Atom::name`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atom(u32);

struct Interner {
    names: Vec<&'static str>,
    index: FxHashMap<&'static str, u32>,
}

/// Atoms the runtime itself refers to, interned first so their indices are constants.
const PREDEFINED: &[&str] = &[
    "nil",
    "true",
    "false",
    "ok",
    "error",
    "__struct__",
    "message",
    "normal",
    "kill",
    "killed",
    "noproc",
    "timeout",
    "infinity",
    "EXIT",
    "DOWN",
    "process",
    "throw",
    "exit",
    "undefined",
    "Elixir",
];

impl Atom {
    /// `nil`
    pub const NIL: Atom = Atom(0);
    /// `true`
    pub const TRUE: Atom = Atom(1);
    /// `false`
    pub const FALSE: Atom = Atom(2);
    /// `:ok`
    pub const OK: Atom = Atom(3);
    /// `:error`
    pub const ERROR: Atom = Atom(4);
    /// `:__struct__`, the key that makes a map a struct.
    pub const STRUCT: Atom = Atom(5);
    /// `:message`, the field of exception structs.
    pub const MESSAGE: Atom = Atom(6);
    /// `:normal`, the exit reason of a process that finished.
    pub const NORMAL: Atom = Atom(7);
    /// `:kill`, the untrappable exit signal.
    pub const KILL: Atom = Atom(8);
    /// `:killed`, the reason a killed process exits with.
    pub const KILLED: Atom = Atom(9);
    /// `:noproc`
    pub const NOPROC: Atom = Atom(10);
    /// `:timeout`
    pub const TIMEOUT: Atom = Atom(11);
    /// `:infinity`
    pub const INFINITY: Atom = Atom(12);
    /// `:EXIT`
    pub const EXIT_TAG: Atom = Atom(13);
    /// `:DOWN`
    pub const DOWN: Atom = Atom(14);
    /// `:process`
    pub const PROCESS: Atom = Atom(15);
    /// `:throw`, the class of a thrown value.
    pub const THROW: Atom = Atom(16);
    /// `:exit`, the class of an exit.
    pub const EXIT: Atom = Atom(17);
    /// `:undefined`
    pub const UNDEFINED: Atom = Atom(18);
    /// `Elixir`, the bare alias.
    pub const ELIXIR: Atom = Atom(19);

    /// Interns `name` and returns its atom; the same name always gives the same atom.
    pub fn intern(name: &str) -> Atom {
        let mut table = interner().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&i) = table.index.get(name) {
            return Atom(i);
        }
        // Atoms are never collected, as on the BEAM; leaking gives `&'static str` names.
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let i = table.names.len() as u32;
        table.names.push(leaked);
        table.index.insert(leaked, i);
        Atom(i)
    }

    /// The atom named `name` if it exists already (`String.to_existing_atom/1`).
    pub fn existing(name: &str) -> Option<Atom> {
        let table = interner().lock().unwrap_or_else(|e| e.into_inner());
        table.index.get(name).map(|&i| Atom(i))
    }

    /// The atom's name, without the leading colon (`ok`, `Elixir.GenServer`).
    pub fn name(self) -> &'static str {
        // Names never change once interned, so each thread keeps a copy of the
        // table and only takes the lock for atoms it has not seen yet.
        NAMES.with(|names| {
            if let Some(name) = names.borrow().get(self.0 as usize) {
                return *name;
            }
            let table = interner().lock().unwrap_or_else(|e| e.into_inner());
            let mut names = names.borrow_mut();
            names.clear();
            names.extend_from_slice(&table.names);
            names.get(self.0 as usize).copied().unwrap_or("")
        })
    }

    /// The atom for a boolean.
    pub fn from_bool(b: bool) -> Atom {
        if b {
            Atom::TRUE
        } else {
            Atom::FALSE
        }
    }

    /// The index of this atom in the table (stable within one run of the host program).
    pub fn index(self) -> u32 {
        self.0
    }
}

thread_local! {
    static NAMES: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn interner() -> &'static Mutex<Interner> {
    static TABLE: OnceLock<Mutex<Interner>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Interner {
            names: Vec::new(),
            index: FxHashMap::default(),
        };
        for (i, name) in PREDEFINED.iter().enumerate() {
            table.names.push(name);
            table.index.insert(name, i as u32);
        }
        Mutex::new(table)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_their_names() {
        assert_eq!(Atom::NIL.name(), "nil");
        assert_eq!(Atom::DOWN.name(), "DOWN");
        assert_eq!(Atom::intern("true"), Atom::TRUE);
        assert_eq!(Atom::intern("Elixir"), Atom::ELIXIR);
    }

    #[test]
    fn interning_is_idempotent() {
        let a = Atom::intern("some_new_atom");
        assert_eq!(a, Atom::intern("some_new_atom"));
        assert_eq!(a.name(), "some_new_atom");
    }
}
