# Matching strings with <>, and charlists.
"hello " <> name = "hello world"
IO.inspect(name)

greet = fn
  "Dr. " <> rest -> "doctor #{rest}"
  "Mr. " <> rest -> "mister #{rest}"
  other -> "someone called #{other}"
end

IO.puts(greet.("Dr. Who"))
IO.puts(greet.("Mr. Smith"))
IO.puts(greet.("Ada"))

case "abcdef" do
  "ab" <> tail -> IO.inspect(tail, label: "after literal prefix")
end

<<first, second, rest::binary>> = "xyz123"
IO.inspect({first, second, rest})
<<a::utf8, _::binary>> = "élan"
IO.inspect(a)

IO.inspect('hello')
IO.inspect([104, 101, 108, 108, 111])
IO.inspect('hello' ++ ' there')
IO.inspect(is_list('abc'))
IO.inspect(List.to_string('abc'))
IO.inspect(to_charlist("abc"))
IO.inspect(to_string('abc'))
IO.inspect([?a, ?b, 0])
IO.inspect([?a, 300])
IO.inspect('a\nb')
IO.inspect(Enum.map('abc', fn c -> c + 1 end))
IO.inspect(length('héllo'))
IO.inspect("abc" == 'abc')
IO.inspect(String.Chars.to_string(:atom))
IO.inspect(for <<c <- "abc">>, do: c)
IO.inspect(<<"a", "b">> <> <<99>>)
IO.inspect(is_binary("x"))
IO.inspect(bit_size("abc"))
IO.inspect(binary_part("hello", 1, 3))
