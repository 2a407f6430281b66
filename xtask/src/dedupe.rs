//! Functions the compiler emitted twice, byte for byte, removed in favour of
//! the first copy. Monomorphisation leaves hundreds of them in the wasm (the
//! same drop glue, clone or iterator step for types that look alike to the
//! machine). Two functions are the same when their type and their body bytes
//! (locals and code, call targets included) are equal, which makes them the
//! same function; once the callers of the copies call the first one, some
//! callers become copies in turn, so the pass repeats until none is left
//! (Binaryen's `duplicate-function-elimination` does the same).
//!
//! The copies are found on the raw bytes; walrus (the library wasm-bindgen
//! itself writes the module with) redirects every reference — calls,
//! `ref.func`, table segments, exports, the start function, globals — and
//! renumbers what is left. The reader handles what rustc and wasm-bindgen
//! write (numeric and reference value types); anything else leaves the module
//! as it was.

use std::collections::HashMap;

use walrus::ir::{dfs_pre_order_mut, VisitorMut};
use walrus::{ConstExpr, ElementItems, ExportItem, FunctionId, GlobalKind, ModuleConfig};

/// Rounds of redirecting; real modules settle in three or four.
const MAX_ROUNDS: usize = 10;

/// `wasm` without its duplicate functions, and how many were removed.
pub fn remove_duplicates(wasm: &[u8]) -> Result<(Vec<u8>, usize), String> {
    let mut bytes = wasm.to_vec();
    let mut removed = 0;
    for _ in 0..MAX_ROUNDS {
        let copies = duplicates(&bytes).ok_or("a module this reader does not know")?;
        if copies.is_empty() {
            break;
        }
        let mut module = ModuleConfig::new()
            .generate_producers_section(false)
            .parse(&bytes)
            .map_err(|error| format!("walrus: {error:#}"))?;
        let ids: Vec<FunctionId> = module.funcs.iter().map(|f| f.id()).collect();
        let mut to = HashMap::new();
        for (copy, first) in &copies {
            let (Some(copy), Some(first)) = (ids.get(*copy), ids.get(*first)) else {
                return Err("function indices out of step with walrus'".into());
            };
            to.insert(*copy, *first);
        }
        let mut redirect = Redirect(&to);
        for (_, function) in module.funcs.iter_local_mut() {
            let entry = function.entry_block();
            dfs_pre_order_mut(&mut redirect, function, entry);
        }
        for element in module.elements.iter_mut() {
            match &mut element.items {
                ElementItems::Functions(functions) => {
                    functions.iter_mut().for_each(|f| redirect.to(f))
                }
                ElementItems::Expressions(_, expressions) => {
                    expressions.iter_mut().for_each(|e| redirect.const_expr(e))
                }
            }
        }
        for export in module.exports.iter_mut() {
            if let ExportItem::Function(function) = &mut export.item {
                redirect.to(function);
            }
        }
        if let Some(start) = &mut module.start {
            redirect.to(start);
        }
        let globals: Vec<_> = module.globals.iter().map(|g| g.id()).collect();
        for global in globals {
            if let GlobalKind::Local(init) = &mut module.globals.get_mut(global).kind {
                redirect.const_expr(init);
            }
        }
        for copy in to.keys() {
            module.funcs.delete(*copy);
        }
        removed += to.len();
        bytes = module.emit_wasm();
    }
    Ok((bytes, removed))
}

/// Points references to a copy at its first copy.
struct Redirect<'a>(&'a HashMap<FunctionId, FunctionId>);

impl Redirect<'_> {
    fn to(&self, function: &mut FunctionId) {
        if let Some(first) = self.0.get(function) {
            *function = *first;
        }
    }

    fn const_expr(&self, expression: &mut ConstExpr) {
        if let ConstExpr::RefFunc(function) = expression {
            self.to(function);
        }
    }
}

impl VisitorMut for Redirect<'_> {
    fn visit_function_id_mut(&mut self, function: &mut FunctionId) {
        self.to(function);
    }
}

/// Every function that repeats an earlier one, as (its index, the earlier
/// one's index) in the module's function index space (imports first); `None`
/// when the module uses something this reader does not know.
fn duplicates(wasm: &[u8]) -> Option<Vec<(usize, usize)>> {
    let sections = sections(wasm)?;
    let mut imported_functions = 0;
    let mut function_types: Vec<usize> = Vec::new();
    let mut bodies = Vec::new();
    for (id, body) in &sections {
        match id {
            1 => check_types(body)?,
            2 => imported_functions = count_imported_functions(body)?,
            3 => function_types = type_indices(body)?,
            10 => bodies = vec_of_sized(body)?,
            _ => {}
        }
    }
    if bodies.len() != function_types.len() {
        return None;
    }
    let mut first: HashMap<(usize, &[u8]), usize> = HashMap::new();
    let mut copies = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        let original = *first.entry((function_types[i], body)).or_insert(i);
        if original != i {
            copies.push((imported_functions + i, imported_functions + original));
        }
    }
    Some(copies)
}

/// The module's sections as (id, contents), after the 8-byte header.
fn sections(wasm: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    if wasm.get(..8)? != b"\0asm\x01\0\0\0" {
        return None;
    }
    let mut reader = Reader { bytes: wasm, at: 8 };
    let mut out = Vec::new();
    while reader.at < wasm.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        out.push((id, reader.take(size)?));
    }
    Some(out)
}

/// Checks that every function type uses value types this reader knows.
fn check_types(section: &[u8]) -> Option<()> {
    let mut reader = Reader::new(section);
    let count = reader.leb()?;
    for _ in 0..count {
        if reader.byte()? != 0x60 {
            return None;
        }
        let params = reader.leb()? as usize;
        for _ in 0..params {
            value_type(reader.byte()?)?;
        }
        let results = reader.leb()?;
        for _ in 0..results {
            value_type(reader.byte()?)?;
        }
    }
    Some(())
}

/// Accepts the one-byte value types: numbers, v128, funcref, externref.
fn value_type(byte: u8) -> Option<()> {
    matches!(byte, 0x7F | 0x7E | 0x7D | 0x7C | 0x7B | 0x70 | 0x6F).then_some(())
}

fn count_imported_functions(section: &[u8]) -> Option<usize> {
    let mut reader = Reader::new(section);
    let count = reader.leb()?;
    let mut functions = 0;
    for _ in 0..count {
        for _ in 0..2 {
            let len = reader.leb()? as usize;
            reader.take(len)?;
        }
        match reader.byte()? {
            0x00 => {
                reader.leb()?;
                functions += 1;
            }
            0x01 => {
                value_type(reader.byte()?)?;
                limits(&mut reader)?;
            }
            0x02 => limits(&mut reader)?,
            0x03 => {
                value_type(reader.byte()?)?;
                reader.byte()?;
            }
            _ => return None,
        }
    }
    Some(functions)
}

fn limits(reader: &mut Reader) -> Option<()> {
    match reader.byte()? {
        0x00 => {
            reader.leb()?;
        }
        0x01 | 0x03 => {
            reader.leb()?;
            reader.leb()?;
        }
        _ => return None,
    }
    Some(())
}

fn type_indices(section: &[u8]) -> Option<Vec<usize>> {
    let mut reader = Reader::new(section);
    let count = reader.leb()?;
    (0..count)
        .map(|_| reader.leb().map(|i| i as usize))
        .collect()
}

/// A vector of size-prefixed entries (the code section's bodies).
fn vec_of_sized(section: &[u8]) -> Option<Vec<&[u8]>> {
    let mut reader = Reader::new(section);
    let count = reader.leb()?;
    let mut out = Vec::new();
    for _ in 0..count {
        let size = reader.leb()? as usize;
        out.push(reader.take(size)?);
    }
    (reader.at == section.len()).then_some(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(slice)
    }

    fn leb(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(out: &mut Vec<u8>, mut value: u64) {
        loop {
            let byte = (value & 0x7F) as u8;
            value >>= 7;
            if value == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    /// A module with one imported function and functions of its own, all of
    /// type `(i32, i64) -> i32`, the last exported as "f".
    fn module(bodies: &[Vec<u8>]) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let section = |wasm: &mut Vec<u8>, id: u8, body: &[u8]| {
            wasm.push(id);
            leb(wasm, body.len() as u64);
            wasm.extend_from_slice(body);
        };
        section(&mut wasm, 1, &[1, 0x60, 2, 0x7F, 0x7E, 1, 0x7F]);
        section(&mut wasm, 2, &[1, 1, b'm', 1, b'f', 0x00, 0]);
        let mut functions = vec![bodies.len() as u8];
        functions.extend(std::iter::repeat_n(0, bodies.len()));
        section(&mut wasm, 3, &functions);
        section(&mut wasm, 7, &[1, 1, b'f', 0x00, bodies.len() as u8]);
        let mut code = Vec::new();
        leb(&mut code, bodies.len() as u64);
        for body in bodies {
            leb(&mut code, body.len() as u64);
            code.extend_from_slice(body);
        }
        section(&mut wasm, 10, &code);
        wasm
    }

    /// `x + n`.
    fn add(n: u8) -> Vec<u8> {
        vec![0, 0x20, 0, 0x41, n, 0x6A, 0x0B]
    }

    /// Calls function `f` with the parameters, then adds `n`.
    fn call_then_add(f: u8, n: u8) -> Vec<u8> {
        vec![0, 0x20, 0, 0x20, 1, 0x10, f, 0x41, n, 0x6A, 0x0B]
    }

    /// The functions of a module, as their body bytes.
    fn bodies(wasm: &[u8]) -> Vec<Vec<u8>> {
        let sections = sections(wasm).expect("a module");
        let code = sections.iter().find(|(id, _)| *id == 10).expect("code");
        vec_of_sized(code.1)
            .expect("bodies")
            .into_iter()
            .map(<[u8]>::to_vec)
            .collect()
    }

    /// The function index the module exports.
    fn export_target(wasm: &[u8]) -> &u8 {
        let sections = sections(wasm).expect("a module");
        let exports = sections.iter().find(|(id, _)| *id == 7).expect("exports");
        exports.1.last().expect("an index")
    }

    #[test]
    fn copies_go_and_their_callers_call_the_first() {
        // Functions 1..=5 (0 is the import): 2 repeats 1; 3 and 4 call 1 and
        // 2, so they become copies once 4 calls 1; 5 calls 4.
        let wasm = module(&[
            add(1),
            add(1),
            call_then_add(1, 9),
            call_then_add(2, 9),
            call_then_add(4, 7),
        ]);
        let (out, removed) = remove_duplicates(&wasm).expect("a module it reads");
        assert_eq!(removed, 2);
        // walrus may order the functions differently: follow the calls from
        // the export instead.
        let left = bodies(&out);
        assert_eq!(left.len(), 3);
        let function = |index: u8| left[usize::from(index) - 1].clone();
        let exported = *export_target(&out);
        let outer = function(exported);
        assert_eq!(outer, call_then_add(outer[6], 7));
        let middle = function(outer[6]);
        assert_eq!(middle, call_then_add(middle[6], 9));
        assert_eq!(function(middle[6]), add(1));
        // What is left still validates.
        walrus::Module::from_buffer(&out).expect("a valid module");
    }

    #[test]
    fn a_module_without_copies_is_unchanged() {
        let wasm = module(&[add(1), add(2)]);
        let (out, removed) = remove_duplicates(&wasm).expect("a module it reads");
        assert_eq!(removed, 0);
        assert_eq!(out, wasm);
    }

    #[test]
    fn what_it_cannot_read_is_refused() {
        assert!(remove_duplicates(b"not wasm").is_err());
    }
}
