# String interpolation calls String.Chars.to_string on each value.
defmodule Show do
  def run do
    IO.puts("integer #{42} negative #{-7} big #{2 ** 70}")
    IO.puts("float #{1.5} #{0.1 + 0.2} #{1.0e20}")
    IO.puts("atom #{:ok} true #{true} nil [#{nil}] module #{Enum}")
    IO.puts("string #{"inner"} nested #{"a#{1 + 1}b"}")
    IO.puts("charlist #{'abc'} list #{[?h, ?i]} iodata #{["x", ?y, ["z"]]}")
    IO.puts("empty list [#{[]}]")
    IO.puts("expression #{if true, do: "yes", else: "no"}")
    IO.puts("#{1}#{2}#{3}")
    x = 10
    IO.puts("x is #{x}, x squared is #{x * x}")
    IO.puts("range via inspect #{inspect(1..3)}")
    IO.puts("tuple via inspect #{inspect({1, :two, "three"})}")
    IO.puts("map via inspect #{inspect(%{a: 1})}")
    IO.puts(~s(sigil with "quotes" and #{x}))
    IO.puts(~S(raw sigil #{x} \n))
  end
end

Show.run()
IO.puts("escapes: tab[\t] quote[\"] backslash[\\] hash[\#{}]")
IO.puts("newline:\nsecond line")
IO.inspect("tab\there")
IO.inspect("new\nline")
IO.inspect("quote\"s")
IO.inspect("null\0byte")
IO.inspect("bell\a esc\e")
IO.inspect("unicode é ü 日本")
IO.inspect(<<0xFF, 0xFE>>)
IO.inspect(<<104, 105>>)
IO.inspect("\u00e9")
IO.inspect("\x41\x42")
IO.puts(byte_size("é"))
IO.puts(String.length("é"))
IO.inspect("multi
line")
IO.puts("""
heredoc line 1
  indented line 2
""")
