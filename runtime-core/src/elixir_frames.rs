//! The stack frames Elixir 1.14's own code leaves in a stack trace when a
//! function passed to `Enum`, `Map` or `List` raises: `Enum.map/2` over a list
//! shows `(elixir 1.14.0) lib/enum.ex:1658: Enum."-map/2-lists^map/1-0-"/2`
//! between the callback's frame and its caller's. The prelude implements
//! those functions differently (most of them on one `reduce`), so its frames
//! cannot be shown as they are: the VM hands each run of prelude frames
//! between two frames of the reader's code to a [`Run`], which names the
//! function the reader called and the frames the BEAM shows for it.
//!
//! The table was read off real Elixir 1.14 / OTP 25 stack traces, for the
//! failing callback's first call. What it cannot tell apart is left as the
//! most common case: a body-recursive Elixir function (`Enum.map/2` over a
//! list) shows its frame twice on the BEAM when a later element fails, once
//! here; and functions the prelude walks as a list (`Enum.find/2`,
//! `Enum.any?/2`, ...) show the list frames even for a range or a map.

use crate::atom::Atom;
use crate::bytecode::{Function, Op};
use crate::value::Value;

/// A frame of Elixir's or OTP's code: module, function, arity, file, line.
type Frame = (&'static str, &'static str, i64, &'static str, i64);

/// How a collection was walked, which decides the BEAM's frames.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum Walk {
    #[default]
    List,
    Range,
    Map,
}

/// The prelude frames between two frames of the reader's code (or between
/// one and the bottom of the stack), seen innermost first.
#[derive(Default, Debug)]
pub struct Run {
    /// Whether the run has a frame yet, and whether its outermost one so far
    /// is an anonymous function.
    last_seen: Option<bool>,
    /// The outermost function with an entry in the table, as `(module, name)`.
    api: Option<(Atom, &'static str)>,
    /// Whether the run went through the prelude's `reduce` helpers, which
    /// stand for `Enum.reduce/3` when nothing more specific was called.
    reduced: bool,
    walk: Walk,
}

impl Run {
    /// Records the next (outer) frame of the run, `f` stopped before
    /// instruction `pc`. A reader's function that ends by calling an Elixir
    /// function (`fn x -> Enum.map(x, g) end`) leaves no frame of its own, so
    /// the run would swallow a second call the reader made: when the prelude
    /// frame is calling a function value whose frame is not there, what was
    /// seen so far is a run of its own, whose entries are returned.
    pub fn see(&mut self, f: &Function, pc: u32) -> Option<Vec<Value>> {
        let calling_a_fun = pc
            .checked_sub(1)
            .and_then(|at| f.code.get(at as usize))
            .is_some_and(|op| matches!(op, Op::CallFun(_)));
        let mut finished = None;
        if calling_a_fun && self.last_seen == Some(false) {
            finished = Some(std::mem::take(self).entries());
        }
        self.last_seen = Some(f.name.starts_with('-'));
        self.record(f);
        finished
    }

    fn record(&mut self, f: &Function) {
        let name = enclosing(&f.name);
        if f.module.name() == "Elixir.Enum" {
            match name {
                "reduce_list/3" | "reduce/3" => {
                    self.reduced = true;
                    return;
                }
                "reduce_range/5" => {
                    self.reduced = true;
                    self.walk = Walk::Range;
                    return;
                }
                "reduce_map/3" => {
                    self.reduced = true;
                    self.walk = Walk::Map;
                    return;
                }
                _ => {}
            }
        }
        if let Some(&(_, key, _)) = TABLE
            .iter()
            .find(|(module, key, _)| *key == name && f.module.name() == *module)
        {
            self.api = Some((f.module, key));
        }
    }

    /// The stack entries the BEAM shows for the run, innermost first: none
    /// when the run is not one the table knows.
    pub fn entries(&self) -> Vec<Value> {
        let frames: &[Frame] = match self.api {
            Some((module, key)) => TABLE
                .iter()
                .find(|(m, k, _)| *k == key && module.name() == *m)
                .map_or(&[], |(_, _, by_walk)| frames_for(by_walk, self.walk)),
            None if self.reduced => frames_for(&REDUCE, self.walk),
            None => &[],
        };
        frames.iter().map(entry).collect()
    }
}

/// The frames of one function for each walk: over a list, a range, a map.
/// An empty slice is a walk the table does not know.
type ByWalk = [&'static [Frame]; 3];

fn frames_for(by_walk: &ByWalk, walk: Walk) -> &'static [Frame] {
    match walk {
        Walk::List => by_walk[0],
        Walk::Range => by_walk[1],
        Walk::Map => by_walk[2],
    }
}

/// The function an anonymous function is written in (`-map/2-fun-0-` is in
/// `map/2`), or the function's own name.
fn enclosing(name: &str) -> &str {
    name.strip_prefix('-')
        .and_then(|rest| rest.split("-fun-").next())
        .unwrap_or(name)
}

fn entry(&(module, function, arity, file, line): &Frame) -> Value {
    let file = Value::list(file.chars().map(|c| Value::Int(c as i64)).collect());
    Value::tuple(vec![
        Value::atom(module),
        Value::atom(function),
        Value::Int(arity),
        Value::list(vec![
            Value::tuple(vec![Value::atom("file"), file]),
            Value::tuple(vec![Value::atom("line"), Value::Int(line)]),
        ]),
    ])
}

const ENUM: &str = "Elixir.Enum";
const ENUM_EX: &str = "lib/enum.ex";
const REDUCE_RANGE: Frame = (ENUM, "reduce_range", 5, ENUM_EX, 4299);
const MAPS_FOLD: Frame = ("maps", "fold_1", 3, "maps.erl", 411);
const LISTS_MAP: Frame = (ENUM, "-map/2-lists^map/1-0-", 2, ENUM_EX, 1658);
const FOLDL: i64 = 2468;

/// `Enum.reduce/3` (and the `for` comprehensions written on it).
const REDUCE: ByWalk = [
    &[(ENUM, "-reduce/3-lists^foldl/2-0-", 3, ENUM_EX, FOLDL)],
    &[REDUCE_RANGE],
    &[MAPS_FOLD],
];

/// An Elixir function that takes a function: the module and name the
/// prelude gives it, and the BEAM's frames for it.
type Entry = (&'static str, &'static str, ByWalk);

const fn list_only(frames: &'static [Frame]) -> ByWalk {
    [frames, &[], &[]]
}

const TABLE: &[Entry] = &[
    (
        ENUM,
        "map/2",
        [
            &[LISTS_MAP],
            &[
                (ENUM, "-map/2-fun-0-", 3, ENUM_EX, 1662),
                REDUCE_RANGE,
                (ENUM, "map", 2, ENUM_EX, 2472),
            ],
            &[
                (ENUM, "-map/2-fun-0-", 3, ENUM_EX, 1662),
                MAPS_FOLD,
                (ENUM, "map", 2, ENUM_EX, 2480),
            ],
        ],
    ),
    (
        ENUM,
        "each/2",
        [
            &[(ENUM, "-each/2-lists^foreach/1-0-", 2, ENUM_EX, 975)],
            &[
                (ENUM, "-each/2-fun-0-", 3, ENUM_EX, 980),
                REDUCE_RANGE,
                (ENUM, "each", 2, ENUM_EX, 2472),
            ],
            &[
                (ENUM, "-each/2-fun-0-", 3, ENUM_EX, 980),
                MAPS_FOLD,
                (ENUM, "each", 2, ENUM_EX, 2480),
            ],
        ],
    ),
    (
        ENUM,
        "filter/2",
        [
            &[(ENUM, "filter_list", 2, ENUM_EX, 4197)],
            &[
                (ENUM, "-filter/2-fun-0-", 3, ENUM_EX, 1112),
                REDUCE_RANGE,
                (ENUM, "filter", 2, ENUM_EX, 2472),
            ],
            &[
                (ENUM, "-filter/2-fun-0-", 3, ENUM_EX, 1112),
                MAPS_FOLD,
                (ENUM, "filter", 2, ENUM_EX, 2480),
            ],
        ],
    ),
    (
        ENUM,
        "reject/2",
        list_only(&[(ENUM, "reject_list", 2, ENUM_EX, 4313)]),
    ),
    (
        ENUM,
        "flat_map/2",
        [
            &[(ENUM, "flat_map_list", 2, ENUM_EX, 4249)],
            &[
                (ENUM, "-flat_map/2-fun-0-", 3, ENUM_EX, 1251),
                REDUCE_RANGE,
                (ENUM, "flat_map", 2, ENUM_EX, 2472),
            ],
            &[],
        ],
    ),
    (
        ENUM,
        "count/2",
        [
            &[
                (ENUM, "-count/2-fun-0-", 3, ENUM_EX, 712),
                (ENUM, "-count/2-lists^foldl/2-0-", 3, ENUM_EX, FOLDL),
            ],
            &[(ENUM, "-count/2-fun-0-", 3, ENUM_EX, 712), REDUCE_RANGE],
            &[],
        ],
    ),
    (
        ENUM,
        "map_join/3",
        list_only(&[
            (ENUM, "-map_join/3-fun-0-", 2, ENUM_EX, 1755),
            (ENUM, "map_intersperse_list", 3, ENUM_EX, 4292),
            (ENUM, "map_join", 3, ENUM_EX, 1755),
        ]),
    ),
    (
        ENUM,
        "map_reduce/3",
        [
            &[(ENUM, "-map_reduce/3-lists^mapfoldl/2-0-", 3, ENUM_EX, 1780)],
            &[
                (ENUM, "-map_reduce/3-fun-0-", 3, ENUM_EX, 1786),
                REDUCE_RANGE,
                (ENUM, "map_reduce", 3, ENUM_EX, 2472),
            ],
            &[],
        ],
    ),
    (
        ENUM,
        "with_index/2",
        list_only(&[(ENUM, "with_index_list", 3, ENUM_EX, 4710)]),
    ),
    (
        ENUM,
        "reduce_while_list/3",
        list_only(&[
            ("Elixir.Enumerable.List", "reduce", 3, ENUM_EX, 4751),
            (ENUM, "reduce_while", 3, ENUM_EX, 2514),
        ]),
    ),
    (
        ENUM,
        "find_list/3",
        list_only(&[(ENUM, "find_list", 3, ENUM_EX, 4211)]),
    ),
    (
        ENUM,
        "find_index_list/3",
        list_only(&[(ENUM, "find_index_list", 3, ENUM_EX, 4225)]),
    ),
    (
        ENUM,
        "find_value_list/3",
        list_only(&[(ENUM, "find_value_list", 3, ENUM_EX, 4239)]),
    ),
    (
        ENUM,
        "any_list/2",
        list_only(&[(ENUM, "any_list", 2, ENUM_EX, 4136)]),
    ),
    (
        ENUM,
        "all_list/2",
        list_only(&[(ENUM, "all_list", 2, ENUM_EX, 4110)]),
    ),
    (
        ENUM,
        "take_while_list/3",
        list_only(&[(ENUM, "take_while_list", 2, ENUM_EX, 4675)]),
    ),
    (
        ENUM,
        "by/3",
        list_only(&[
            (ENUM, "-aggregate_by/4-fun-0-", 2, ENUM_EX, 4049),
            (ENUM, "aggregate_by", 4, ENUM_EX, 4067),
        ]),
    ),
    (
        ENUM,
        "sort_by/3",
        list_only(&[
            (ENUM, "-sort_by/3-fun-3-", 2, ENUM_EX, 3264),
            LISTS_MAP,
            (ENUM, "sort_by", 3, ENUM_EX, 3264),
        ]),
    ),
    (
        ENUM,
        "group_by/3",
        list_only(&[
            (ENUM, "-group_by/3-fun-0-", 4, ENUM_EX, 1375),
            (ENUM, "-group_by/3-lists^foldl/2-0-", 3, ENUM_EX, FOLDL),
        ]),
    ),
    (
        ENUM,
        "frequencies_by/2",
        list_only(&[
            (ENUM, "-frequencies_by/2-fun-0-", 3, ENUM_EX, 1344),
            (
                ENUM,
                "-frequencies_by/2-lists^foldl/2-0-",
                3,
                ENUM_EX,
                FOLDL,
            ),
        ]),
    ),
    (
        ENUM,
        "split_with/2",
        list_only(&[
            (ENUM, "-split_with/2-fun-0-", 3, ENUM_EX, 2294),
            (ENUM, "-split_with/2-lists^foldl/2-0-", 3, ENUM_EX, FOLDL),
            (ENUM, "split_with", 2, ENUM_EX, FOLDL),
        ]),
    ),
    (
        ENUM,
        "uniq_by/2",
        list_only(&[(ENUM, "uniq_list", 3, ENUM_EX, 4689)]),
    ),
    (
        ENUM,
        "into/3",
        list_only(&[LISTS_MAP, (ENUM, "into", 3, ENUM_EX, 1552)]),
    ),
    (
        ENUM,
        "reduce_rest/3",
        list_only(&[(ENUM, "-reduce/2-lists^foldl/2-0-", 3, ENUM_EX, FOLDL)]),
    ),
    (
        ENUM,
        "zip_with_list/3",
        list_only(&[(ENUM, "zip_with_list", 3, ENUM_EX, 4725)]),
    ),
    (
        ENUM,
        "dedup_by/2",
        list_only(&[
            (ENUM, "-dedup_by/2-fun-0-", 3, ENUM_EX, 855),
            (ENUM, "-dedup_by/2-lists^foldl/2-0-", 3, ENUM_EX, FOLDL),
            (ENUM, "dedup_by", 2, ENUM_EX, FOLDL),
        ]),
    ),
    (
        "Elixir.List",
        "foldl/3",
        list_only(&[(
            "Elixir.List",
            "-foldl/3-lists^foldl/2-0-",
            3,
            "lib/list.ex",
            249,
        )]),
    ),
    (
        "Elixir.List",
        "update_at/3",
        list_only(&[("Elixir.List", "do_update_at", 3, "lib/list.ex", 1351)]),
    ),
    (
        "Elixir.Map",
        "map/2",
        [&[
            ("maps", "map_1", 2, "maps.erl", 439),
            ("maps", "map", 2, "maps.erl", 429),
        ]; 3],
    ),
    (
        "Elixir.Map",
        "new/2",
        list_only(&[
            LISTS_MAP,
            ("Elixir.Map", "new_from_enum", 2, "lib/map.ex", 263),
        ]),
    ),
    (
        "Elixir.Map",
        "update/4",
        [&[("Elixir.Map", "update", 4, "lib/map.ex", 687)]; 3],
    ),
    (
        "Elixir.Map",
        "update!/3",
        [&[("Elixir.Map", "update!", 3, "lib/map.ex", 883)]; 3],
    ),
    (
        "Elixir.Map",
        "filter/2",
        [&[
            ("Elixir.Map", "do_filter", 2, "lib/map.ex", 1077),
            ("Elixir.Map", "filter", 2, "lib/map.ex", 1071),
        ]; 3],
    ),
];
