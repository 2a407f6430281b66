# Operators and how tightly they bind.
IO.inspect(1 + 2 * 3 ** 2)
IO.inspect((1 + 2) * 3)
IO.inspect(2 ** 3 ** 2)
IO.inspect(-2 ** 2)
IO.inspect(10 - 4 - 3)
IO.inspect(100 / 10 / 5)
IO.inspect(not true and false)
IO.inspect(not (true and false))
IO.inspect(true or false and false)
IO.inspect(1 in [1] and true)
IO.inspect(2 not in [1, 3])
IO.inspect([2] ++ [1] -- [2])
IO.inspect([1] ++ [2] -- [2])
IO.inspect(([1] ++ [2]) -- [2])
IO.inspect([1, 2] -- [1] -- [1])
IO.inspect("a" <> "b" <> "c")
IO.inspect(1 < 2 == true)
IO.inspect(1 == 1.0 and 1 !== 1.0)
IO.inspect(nil || false || :third)
IO.inspect(:first || raise("not evaluated"))
IO.inspect(nil && raise("not evaluated"))
IO.inspect(1 && 2)
IO.inspect(!nil)
IO.inspect(!!:x)
IO.inspect(false or :anything)
IO.inspect(1 + 2 |> Integer.to_string())
IO.inspect([3, 1, 2] |> Enum.sort() |> Enum.map(&(&1 * 10)))
IO.inspect(5 |> (&(&1 * 2)).())
IO.inspect("abc" |> String.upcase() |> String.reverse())
IO.inspect(10 |> div(3))
IO.inspect(10 |> rem(3) |> Kernel.+(1))
IO.inspect(1..3 |> Enum.map(&(&1 + 1)) |> Enum.sum())
IO.inspect(3 in 1..2 or 3 in 3..4)
IO.inspect(div(7, 2) * 2 + rem(7, 2))
IO.inspect(-(-3))
IO.inspect(- 3 + 5)
IO.inspect(+3)
IO.inspect(1 <= 1 and 2 >= 3)
IO.inspect(:a != :b)
IO.inspect(is_integer(1) and is_atom(:a) or raise("x"))
IO.inspect([1 | [2 | [3]]] == [1, 2, 3])
IO.inspect(%{a: 1}[:a] + 1)
IO.inspect({1, 2} |> elem(1) |> Kernel.*(5))
IO.inspect(Enum.map([1, 2], fn x -> x * 2 end) ++ [0])
IO.inspect(1 + 1 == 2 && "both")
IO.inspect(1..10 |> Enum.filter(&(rem(&1, 2) == 0)) |> length())

defmodule Bad do
  def v(x), do: x
end

try do
  Bad.v(1) and true
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  not Bad.v(nil)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
