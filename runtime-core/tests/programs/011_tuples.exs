# Tuples.
t = {:ok, "value", 3}
IO.inspect(elem(t, 0))
IO.inspect(elem(t, 2))
IO.inspect(put_elem(t, 1, "new"))
IO.inspect(t)
IO.inspect(tuple_size(t))
IO.inspect(tuple_size({}))
IO.inspect(Tuple.to_list(t))
IO.inspect(Tuple.append({1, 2}, 3))
IO.inspect(Tuple.insert_at({1, 3}, 1, 2))
IO.inspect(Tuple.delete_at({1, 2, 3}, 0))
IO.inspect(Tuple.duplicate(0, 3))
IO.inspect({})
IO.inspect({1})
IO.inspect({{1, 2}, [3, {4}]})
{:ok, value, n} = t
IO.inspect({value, n})
IO.inspect(is_tuple({}))
IO.inspect({1, 2} < {1, 3})
IO.inspect({9} < {1, 1})

defmodule Bad do
  def v(x), do: x
end

try do
  elem(Bad.v({1, 2}), 5)
rescue
  e -> IO.puts("elem out of range: " <> Exception.message(e))
end

try do
  put_elem(Bad.v({1}), 3, :x)
rescue
  e -> IO.puts("put_elem out of range: " <> Exception.message(e))
end

try do
  tuple_size(Bad.v([1]))
rescue
  e -> IO.puts("tuple_size of list: " <> Exception.message(e))
end
