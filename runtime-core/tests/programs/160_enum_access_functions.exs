# More of Enum (min_max, zip over many lists, flat_map_reduce, map_every,
# count_until, ...), conversions to charlists, and the nested-access
# functions over maps and keyword lists, with their errors.
IO.inspect(Enum.min_max([3, 1, 2]))
IO.inspect(Enum.min_max([], fn -> :empty end))
IO.inspect(Enum.min_max_by(["aaa", "b", "cc"], &String.length/1))
IO.inspect(Enum.zip([[1, 2, 3], [:a, :b], ["x", "y", "z"]]))
IO.inspect(Enum.zip_with([[1, 2], [3, 4]], fn [a, b] -> a + b end))
IO.inspect(Enum.zip_reduce([1, 2], [3, 4], 0, fn a, b, acc -> a * b + acc end))
IO.inspect(Enum.zip_reduce([[1, 2], [3, 4]], [], fn els, acc -> [Enum.sum(els) | acc] end))
IO.inspect(Enum.flat_map_reduce(1..5, 0, fn x, acc -> if acc > 5, do: {:halt, acc}, else: {[x, x], acc + x} end))
IO.inspect(Enum.map_every(1..10, 3, &(&1 * 100)))
IO.inspect(Enum.drop_every(1..10, 3))
IO.inspect(Enum.map_intersperse([1, 2, 3], :sep, &(&1 * 2)))
IO.inspect({Enum.count_until(1..100, 5), Enum.count_until(1..100, &(rem(&1, 2) == 0), 500)})
IO.inspect(Enum.reverse_slice([1, 2, 3, 4, 5, 6], 2, 3))
IO.inspect(Atom.to_charlist(:abc))
IO.inspect(Integer.to_charlist(255, 16))
IO.inspect(Float.pow(2.0, 3))
IO.inspect(Float.to_charlist(1.5))
IO.inspect(Tuple.product({2, 3, 4}))
IO.inspect(put_in(%{a: %{b: 1}}, [:a, :b], 2))
IO.inspect(put_in([a: [b: 1]], [:a, :b], 2))
IO.inspect(update_in(%{a: %{b: 1}}, [:a, :b], &(&1 + 5)))
IO.inspect(get_and_update_in(%{a: %{b: 1}}, [:a, :b], fn v -> {v, v * 10} end))
IO.inspect(pop_in(%{a: %{b: 1, c: 2}}, [:a, :b]))
IO.inspect(pop_in([a: [b: 1]], [:a, :b]))
IO.inspect(pop_in(%{a: nil}, [:a, :b]))
try do
  put_in(%{}, [:a, :b], 1)
rescue
  e -> IO.inspect(e)
end
try do
  Keyword.pop!([a: 1], :b)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  List.keyfind!([a: 1], :b, 0)
rescue
  e -> IO.puts(Exception.message(e))
end
