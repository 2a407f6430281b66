//! Prints the bytecode of the user-defined modules of a program.
fn main() {
    let path = std::env::args().nth(1).expect("usage: disasm FILE");
    let src = std::fs::read_to_string(&path).expect("readable file");
    let ast = runtime_core::parser::parse(&src).expect("parses");
    let files = [callcast_compiler::compiler::SourceFile {
        name: "x",
        ast: &ast,
        is_main: true,
        text: &src,
        lines: Default::default(),
    }];
    let program = callcast_compiler::compiler::compile(&files).expect("compiles");
    for f in &program.functions {
        println!("{}.{} (locals {})", f.module.name(), f.name, f.locals);
        for (i, op) in f.code.iter().enumerate() {
            println!("  {i:3} {op:?}");
        }
    }
}
