# Enum: sorting, uniqueness, grouping and chunking.
words = ["pear", "fig", "apple", "kiwi", "banana", "date"]
IO.inspect(Enum.sort(words))
IO.inspect(Enum.sort(words, :desc))
IO.inspect(Enum.sort(words, &(String.length(&1) <= String.length(&2))))
IO.inspect(Enum.sort(words, &(String.length(&1) >= String.length(&2))))
IO.inspect(Enum.sort_by(words, &String.length/1))
IO.inspect(Enum.sort_by(words, &String.length/1, :desc))
IO.inspect(Enum.sort_by(words, &{String.length(&1), &1}))
IO.inspect(Enum.sort([3, 1, 2], :asc))
IO.inspect(Enum.sort([3, 1, 2], &>=/2))
IO.inspect(Enum.uniq([1, 2, 1, 3, 2, 4]))
IO.inspect(Enum.uniq_by(words, &String.length/1))
IO.inspect(Enum.dedup([1, 1, 2, 2, 1, 3, 3]))
IO.inspect(Enum.group_by(words, &String.length/1))
IO.inspect(Enum.group_by(words, &String.first/1, &String.upcase/1))
IO.inspect(Enum.frequencies(~w(a b a c b a)))
IO.inspect(Enum.frequencies_by(words, &String.length/1))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2, 2, :discard))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 3, 1, :discard))
IO.inspect(Enum.chunk_every([1, 2, 3, 4], 3, 3, [:pad, :pad]))
IO.inspect(Enum.chunk_by([1, 1, 2, 3, 3, 1], & &1))
IO.inspect(Enum.chunk_while(1..10, [], fn x, acc ->
  if rem(x, 3) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]}
end, fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end))
IO.inspect(Enum.split_while([1, 2, 5, 1], &(&1 < 3)))
IO.inspect(Enum.zip_with([1, 2], [10, 20], &+/2))
IO.inspect(Enum.reduce(words, %{}, fn w, acc -> Map.update(acc, String.length(w), 1, &(&1 + 1)) end))
IO.inspect(Enum.sort([{:b, 2}, {:a, 2}, {:c, 1}], fn {_, x}, {_, y} -> x <= y end))
IO.inspect(Enum.max([], fn -> :empty end))
IO.inspect(Enum.min_by([], & &1, fn -> :none end))
IO.inspect(Enum.sort_by([%{n: 2}, %{n: 1}], & &1.n))
IO.inspect(Enum.take_every(1..10, 3))
IO.inspect(Enum.shuffle([:one]))
