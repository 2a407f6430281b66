//! A port of Elixir's `Inspect.Algebra`: documents built from text, breaks, nesting
//! and groups, and the strict pretty printer that lays them out in a given width.
//!
//! The layout rules are Elixir's, clause for clause, because `IO.inspect` output is
//! compared byte for byte with real Elixir's: a group is printed flat when it fits,
//! otherwise its strict breaks all become newlines, while a flex break becomes a
//! newline only when the text after it would not fit on the line. Colors are left
//! out (callcast never prints them).

use std::borrow::Cow;

/// A width or a limit that may be unbounded (Elixir's `:infinity`).
pub const INFINITY: usize = usize::MAX;

/// A document to lay out.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    /// Nothing (`empty/0`).
    Nil,
    /// A forced newline (`line/0`).
    Line,
    /// Text measured in bytes, as Elixir measures a plain binary document.
    Text(Cow<'static, str>),
    /// Text with an explicit width (`string/1`, measured in characters).
    Str(String, usize),
    /// Documents one after the other (`concat/1`); flat, so that long collections do
    /// not build deep trees.
    Concat(Vec<Doc>),
    /// Indents the lines that start inside the document.
    Nest(Box<Doc>, Indent, NestMode),
    /// A place where the line may break: printed as its text when flat.
    Break(Cow<'static, str>, BreakKind),
    /// A unit laid out flat if it fits, broken otherwise.
    Group(Box<Doc>, GroupMode),
    /// Makes the enclosing group break (`force_unfit/1`).
    Force(Box<Doc>),
    /// `next_break_fits/2`.
    Fits(Box<Doc>, FitsMode),
    /// Collapses the newlines that follow into at most this many (`collapse_lines/1`).
    Collapse(usize),
    /// Lays the document out in the given width, ignoring the outer one (`no_limit/1`
    /// uses [`INFINITY`]).
    Limit(Box<Doc>, usize),
}

/// How far a [`Doc::Nest`] indents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indent {
    /// This many more columns than the enclosing indentation.
    By(usize),
    /// To the column where the nest starts.
    Cursor,
    /// Back to column zero.
    Reset,
}

/// When a [`Doc::Nest`] applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NestMode {
    /// Always.
    Always,
    /// Only when the enclosing group is broken.
    Break,
}

/// The two kinds of break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// Breaks exactly when its group breaks.
    Strict,
    /// Breaks only when what follows does not fit.
    Flex,
}

/// How a [`Doc::Group`] decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupMode {
    /// On its own (`group/1`).
    Own,
    /// Breaks along with its enclosing group (`group(doc, :inherit)`).
    Inherit,
}

/// The mode of [`Doc::Fits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitsMode {
    /// The next break is assumed to fit.
    Enabled,
    /// Undoes an enclosing `Enabled`.
    Disabled,
}

/// `concat(a, b)`.
pub fn concat(docs: Vec<Doc>) -> Doc {
    Doc::Concat(docs)
}

/// Plain text.
pub fn text(s: impl Into<Cow<'static, str>>) -> Doc {
    Doc::Text(s.into())
}

/// `nest(doc, level)`: indents by `level` when the line breaks inside `doc`.
pub fn nest(doc: Doc, level: usize) -> Doc {
    if level == 0 {
        doc
    } else {
        Doc::Nest(Box::new(doc), Indent::By(level), NestMode::Always)
    }
}

/// `group(doc)`.
pub fn group(doc: Doc) -> Doc {
    Doc::Group(Box::new(doc), GroupMode::Own)
}

/// `break(s)`: a strict break.
pub fn break_(s: &'static str) -> Doc {
    Doc::Break(Cow::Borrowed(s), BreakKind::Strict)
}

/// `flex_break(s)`.
pub fn flex_break(s: &'static str) -> Doc {
    Doc::Break(Cow::Borrowed(s), BreakKind::Flex)
}

/// `glue(a, s, b)`: `a`, a strict break printed as `s`, `b`.
pub fn glue(a: Doc, s: &'static str, b: Doc) -> Doc {
    concat(vec![a, break_(s), b])
}

/// `flex_glue(a, s, b)`.
pub fn flex_glue(a: Doc, s: &'static str, b: Doc) -> Doc {
    concat(vec![a, flex_break(s), b])
}

/// Whether a document is only text (Elixir's private `simple?/1`): containers of simple
/// elements use flex breaks, packing as many elements on a line as fit.
pub fn is_simple(doc: &Doc) -> bool {
    match doc {
        Doc::Nil | Doc::Text(_) | Doc::Str(..) => true,
        Doc::Concat(docs) => docs.iter().all(is_simple),
        _ => false,
    }
}

/// The layout state of one entry on the work stack: Elixir's `:flat` / `:break`, plus
/// the two modes only `fits?` uses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Flat,
    Break,
    FlatNoBreak,
    BreakNoFlat,
}

/// One entry of the work stack: indentation, mode, document.
type Entry<'d> = (usize, Mode, &'d Doc);

/// Lays `doc` out in `width` columns ([`INFINITY`] for no limit), as
/// `Inspect.Algebra.format/2` does.
pub fn format(doc: &Doc, width: usize) -> String {
    let mut printer = Printer {
        chunks: Vec::new(),
        collapses: Vec::new(),
    };
    printer.run(width, doc);
    printer.finish()
}

struct Printer<'d> {
    chunks: Vec<Cow<'d, str>>,
    // Where a `Collapse` sat in the output and its parameters; applied last to first,
    // which is the order Elixir's recursion applies them in.
    collapses: Vec<(usize, usize, usize)>,
}

/// A pending width change: when the work stack shrinks back to `depth` entries, the
/// width becomes `width` again (Elixir pushes an empty `doc_limit` for this).
struct WidthRestore {
    depth: usize,
    width: usize,
}

impl<'d> Printer<'d> {
    fn run(&mut self, width: usize, doc: &'d Doc) {
        let mut w = width;
        let mut k: usize = 0;
        let mut stack: Vec<Entry<'d>> = vec![(0, Mode::Flat, doc)];
        let mut restores: Vec<WidthRestore> = Vec::new();
        loop {
            while let Some(r) = restores.last() {
                if stack.len() <= r.depth {
                    w = r.width;
                    restores.pop();
                } else {
                    break;
                }
            }
            let Some((i, m, d)) = stack.pop() else { break };
            match d {
                Doc::Nil => {}
                Doc::Line => {
                    self.chunks.push(indent(i));
                    k = i;
                }
                Doc::Concat(docs) => {
                    for x in docs.iter().rev() {
                        stack.push((i, m, x));
                    }
                }
                Doc::Str(s, len) => {
                    self.chunks.push(Cow::Borrowed(s));
                    k += len;
                }
                Doc::Text(s) => {
                    self.chunks.push(Cow::Borrowed(s));
                    k += s.len();
                }
                Doc::Force(x) | Doc::Fits(x, _) => stack.push((i, m, x)),
                Doc::Collapse(max) => {
                    self.collapses.push((self.chunks.len(), *max, i));
                    k = i;
                }
                Doc::Break(s, BreakKind::Flex) => {
                    let k2 = k.saturating_add(s.len());
                    if w == INFINITY || m == Mode::Flat || fits(w, k2, true, &[], &stack) {
                        self.chunks.push(Cow::Borrowed(s));
                        k = k2;
                    } else {
                        self.chunks.push(indent(i));
                        k = i;
                    }
                }
                Doc::Break(s, BreakKind::Strict) => {
                    if m == Mode::Break {
                        self.chunks.push(indent(i));
                        k = i;
                    } else {
                        self.chunks.push(Cow::Borrowed(s));
                        k += s.len();
                    }
                }
                Doc::Nest(x, j, nest) => {
                    let applies = *nest == NestMode::Always || m == Mode::Break;
                    let i2 = if applies { apply_nesting(i, k, *j) } else { i };
                    stack.push((i2, m, x));
                }
                Doc::Group(x, GroupMode::Inherit) if m == Mode::Break => {
                    stack.push((i, Mode::Break, x));
                }
                Doc::Group(x, _) => {
                    let flat = w == INFINITY || fits(w, k, false, &[(i, Mode::Flat, x)], &[]);
                    stack.push((i, if flat { Mode::Flat } else { Mode::Break }, x));
                }
                Doc::Limit(x, limit) => {
                    if *limit == INFINITY && w != INFINITY {
                        restores.push(WidthRestore {
                            depth: stack.len(),
                            width: w,
                        });
                        w = INFINITY;
                        stack.push((i, Mode::Flat, x));
                    } else {
                        w = *limit;
                        stack.push((i, m, x));
                    }
                }
            }
        }
    }

    fn finish(mut self) -> String {
        while let Some((at, max, i)) = self.collapses.pop() {
            let mut count = 0;
            let mut end = at;
            while end < self.chunks.len() {
                let c = &self.chunks[end];
                if c.starts_with('\n') {
                    count += 1;
                } else if !c.is_empty() {
                    break;
                }
                end += 1;
            }
            let replacement = format!("{}{}", "\n".repeat(count.min(max)), " ".repeat(i));
            self.chunks
                .splice(at..end, std::iter::once(Cow::Owned(replacement)));
        }
        self.chunks.concat()
    }
}

fn indent(i: usize) -> Cow<'static, str> {
    let mut s = String::with_capacity(i + 1);
    s.push('\n');
    s.push_str(&" ".repeat(i));
    Cow::Owned(s)
}

fn apply_nesting(i: usize, k: usize, j: Indent) -> usize {
    match j {
        Indent::Cursor => k,
        Indent::Reset => 0,
        Indent::By(n) => i + n,
    }
}

/// One entry of the `fits?` work stack; `Tail` restores the "a break was seen" flag
/// when a group's contents are done, as Elixir's `{:tail, b?, t}` does.
enum FitsEntry<'d> {
    Doc(Entry<'d>),
    Tail(bool),
    Restore(usize),
}

/// Elixir's `fits?/4`: whether the documents, starting at column `k`, fit in `w`
/// columns up to the first break that will be a newline. `own` is examined first
/// (top of stack last), then `rest`, the printer's remaining work (also top last).
fn fits(w: usize, k: usize, b: bool, own: &[Entry<'_>], rest: &[Entry<'_>]) -> bool {
    let mut w = w;
    let mut k = k;
    let mut b = b;
    let mut stack: Vec<FitsEntry<'_>> = own.iter().map(|e| FitsEntry::Doc(*e)).collect();
    let mut rest = rest.iter().rev();
    loop {
        if w != INFINITY && k > w && b {
            return false;
        }
        let entry = match stack.pop() {
            Some(e) => e,
            None => match rest.next() {
                Some(e) => FitsEntry::Doc(*e),
                None => return true,
            },
        };
        let (i, m, d) = match entry {
            FitsEntry::Tail(saved) => {
                b = saved;
                continue;
            }
            FitsEntry::Restore(width) => {
                w = width;
                continue;
            }
            FitsEntry::Doc(e) => e,
        };
        match (m, d) {
            (_, Doc::Fits(x, FitsMode::Disabled)) => {
                stack.push(FitsEntry::Doc((i, Mode::FlatNoBreak, x)))
            }
            (Mode::FlatNoBreak, Doc::Fits(x, _)) => {
                stack.push(FitsEntry::Doc((i, Mode::FlatNoBreak, x)))
            }
            (_, Doc::Fits(x, FitsMode::Enabled)) => {
                stack.push(FitsEntry::Doc((i, Mode::BreakNoFlat, x)))
            }
            (Mode::BreakNoFlat, Doc::Force(x)) => {
                stack.push(FitsEntry::Doc((i, Mode::BreakNoFlat, x)))
            }
            (Mode::BreakNoFlat | Mode::Break, Doc::Break(..) | Doc::Line) => return true,
            (Mode::Break, Doc::Group(x, _)) => {
                stack.push(FitsEntry::Tail(b));
                stack.push(FitsEntry::Doc((i, Mode::Flat, x)));
            }
            (_, Doc::Line) => {
                k = i;
                b = false;
            }
            (_, Doc::Nil) => {}
            (_, Doc::Collapse(_)) => k = i,
            (_, Doc::Str(_, len)) => k = k.saturating_add(*len),
            (_, Doc::Text(s)) => k = k.saturating_add(s.len()),
            (_, Doc::Force(_)) => return false,
            (_, Doc::Break(s, _)) => {
                k = k.saturating_add(s.len());
                b = true;
            }
            (_, Doc::Nest(x, _, NestMode::Break)) => stack.push(FitsEntry::Doc((i, m, x))),
            (_, Doc::Nest(x, j, NestMode::Always)) => {
                stack.push(FitsEntry::Doc((apply_nesting(i, k, *j), m, x)))
            }
            (_, Doc::Concat(docs)) => {
                for x in docs.iter().rev() {
                    stack.push(FitsEntry::Doc((i, m, x)));
                }
            }
            (_, Doc::Group(x, _)) => {
                stack.push(FitsEntry::Tail(b));
                stack.push(FitsEntry::Doc((i, m, x)));
            }
            (_, Doc::Limit(x, limit)) => {
                if *limit == INFINITY && w != INFINITY {
                    stack.push(FitsEntry::Restore(w));
                    stack.push(FitsEntry::Doc((i, Mode::Flat, x)));
                    w = INFINITY;
                } else {
                    w = *limit;
                    stack.push(FitsEntry::Doc((i, m, x)));
                }
            }
        }
    }
}

/// The separator between two elements of a container: Elixir's private `join/4`.
fn join(left: Doc, right: Doc, flex: bool, sep: &'static str) -> Doc {
    match (left, right) {
        (Doc::Nil, Doc::Nil) => Doc::Nil,
        (left, Doc::Nil) => left,
        (Doc::Nil, right) => right,
        (left, right) => {
            let brk = if flex { flex_break(" ") } else { break_(" ") };
            concat(vec![left, text(sep), brk, right])
        }
    }
}

/// How a container breaks its elements (`container_doc/6`'s `:break` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerBreak {
    /// Flex breaks when every element is simple text, strict otherwise.
    Maybe,
    /// Always flex breaks (tuples).
    Flex,
    /// Always strict breaks (keyword lists, maps).
    Strict,
}

/// One element of a container, already rendered. A list's improper tail is given as
/// the last element with `improper_tail` set.
pub struct ContainerItems {
    /// The rendered elements, at most `limit` of them.
    pub docs: Vec<Doc>,
    /// Whether there were more elements than the limit allowed (printed as `...`).
    pub truncated: bool,
    /// Whether the last doc is an improper tail, joined with ` |` instead of `,`.
    pub improper_tail: bool,
}

/// `container_doc/6` with the elements already rendered by the caller (which is where
/// the per-element limit is applied, as Elixir's `container_each/6` does).
pub fn container_doc(
    left: impl Into<Cow<'static, str>>,
    items: ContainerItems,
    right: &'static str,
    brk: ContainerBreak,
    separator: &'static str,
) -> Doc {
    let ContainerItems {
        mut docs,
        truncated,
        improper_tail,
    } = items;
    let left = left.into();
    if docs.is_empty() && !truncated {
        return concat(vec![text(left), text(right)]);
    }
    let simple = brk == ContainerBreak::Maybe && docs.iter().all(is_simple);
    let flex = simple || brk == ContainerBreak::Flex;
    if improper_tail && docs.len() >= 2 {
        // `container_each` joins `[left | right]` on its own, deciding flex from the
        // simplicity of everything so far.
        let tail = docs.pop().unwrap_or(Doc::Nil);
        let last = docs.pop().unwrap_or(Doc::Nil);
        docs.push(join(last, tail, simple, " |"));
    }
    if truncated {
        docs.push(text("..."));
    }
    let joined = fold_join(docs, flex, separator);
    if flex {
        group(concat(vec![text(left), nest(joined, 1), text(right)]))
    } else {
        group(glue(nest(glue(text(left), "", joined), 2), "", text(right)))
    }
}

/// `fold_doc(docs, &join(&1, &2, flex, sep))`, built flat.
fn fold_join(docs: Vec<Doc>, flex: bool, sep: &'static str) -> Doc {
    let mut parts: Vec<Doc> = Vec::with_capacity(docs.len() * 3);
    for doc in docs.into_iter() {
        if doc == Doc::Nil {
            continue;
        }
        if !parts.is_empty() {
            parts.push(text(sep));
            parts.push(if flex { flex_break(" ") } else { break_(" ") });
        }
        parts.push(doc);
    }
    match parts.len() {
        0 => Doc::Nil,
        1 => parts.pop().unwrap_or(Doc::Nil),
        _ => Doc::Concat(parts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> ContainerItems {
        ContainerItems {
            docs: (0..n).map(|i| text(format!("item{i}"))).collect(),
            truncated: false,
            improper_tail: false,
        }
    }

    #[test]
    fn a_group_that_fits_stays_flat() {
        let doc = container_doc("[", words(3), "]", ContainerBreak::Maybe, ",");
        assert_eq!(format(&doc, 80), "[item0, item1, item2]");
    }

    #[test]
    fn flex_breaks_fill_lines() {
        let doc = container_doc("[", words(5), "]", ContainerBreak::Maybe, ",");
        assert_eq!(format(&doc, 20), "[item0, item1,\n item2, item3,\n item4]");
    }

    #[test]
    fn strict_breaks_put_one_element_per_line() {
        let doc = container_doc("%{", words(3), "}", ContainerBreak::Strict, ",");
        assert_eq!(format(&doc, 10), "%{\n  item0,\n  item1,\n  item2\n}");
    }

    #[test]
    fn forced_groups_break_and_collapse_merges_newlines() {
        let doc = group(concat(vec![
            text("a"),
            Doc::Force(Box::new(Doc::Nil)),
            break_(" "),
            text("b"),
        ]));
        assert_eq!(format(&doc, 80), "a\nb");
        let doc = concat(vec![
            text("a"),
            Doc::Collapse(1),
            Doc::Line,
            Doc::Line,
            text("b"),
        ]);
        assert_eq!(format(&doc, 80), "a\nb");
    }

    #[test]
    fn no_limit_ignores_the_width() {
        let inner = container_doc("[", words(5), "]", ContainerBreak::Maybe, ",");
        let doc = Doc::Limit(Box::new(inner), INFINITY);
        assert_eq!(format(&doc, 10), "[item0, item1, item2, item3, item4]");
    }
}
