# Lists: construction, improper lists, ++ and --, head/tail patterns.
list = [1, 2, 3]
IO.inspect([0 | list])
IO.inspect([1, 2 | [3, 4]])
IO.inspect([1 | 2])
IO.inspect([1, 2 | 3])
IO.inspect([[1], [2, [3]]])
IO.inspect([])
IO.inspect(list ++ [4, 5])
IO.inspect([1, 2, 3, 2, 1] -- [2, 1])
IO.inspect([1, 2] ++ [3] -- [3])
IO.inspect([1] ++ 2)
[h | t] = list
IO.inspect({h, t})
[a, b | rest] = [10, 20, 30, 40]
IO.inspect({a, b, rest})
[only] = [:one]
IO.inspect(only)
[x, [y, z]] = [1, [2, 3]]
IO.inspect(x + y + z)
IO.inspect(hd([5, 6]))
IO.inspect(tl([5, 6]))
IO.inspect(tl([5]))
IO.inspect(length([1, [2, 3], 4]))
IO.inspect(5 in [1, 5, 9])
IO.inspect(:x in [])
IO.inspect(is_list([1 | 2]))
IO.inspect([a: 1, b: 2])
IO.inspect([{:a, 1}, {"b", 2}])
IO.inspect([1, :two, "three", 4.0, {5}, [6], %{seven: 7}, nil])

sum = fn
  f, [head | tail], acc -> f.(f, tail, acc + head)
  _f, [], acc -> acc
end
IO.inspect(sum.(sum, Enum.to_list(1..100), 0))

defmodule Err do
  def v(x), do: x
end

try do
  hd(Err.v([]))
rescue
  e -> IO.puts("hd([]): " <> Exception.message(e))
end

try do
  length(Err.v([1 | 2]))
rescue
  e -> IO.puts("length improper: " <> Exception.message(e))
end
