# String functions with a casing mode, replacing repeated prefixes and
# suffixes, printable and valid strings, taking the first grapheme.
IO.inspect(String.upcase("abc é", :ascii) |> String.length())
IO.inspect(String.downcase("ABC", :default))
IO.inspect(String.capitalize("hello world", :default))
IO.inspect(String.replace_leading("hello hello world", "hello ", "X"))
IO.inspect(String.replace_trailing("world!!!", "!", "?"))
IO.inspect(String.replace_leading("abc", "z", "y"))
IO.inspect({String.valid?("héllo"), String.printable?("abc\n"), String.printable?("a\0b"), String.printable?("ab\0", 2)})
IO.inspect(String.next_codepoint("héllo"))
IO.inspect(String.next_codepoint(""))
IO.inspect(String.next_grapheme("éa"))
try do
  String.replace_leading("a", "", "b")
rescue
  e -> IO.inspect(e)
end
