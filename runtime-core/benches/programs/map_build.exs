# Build a map of 100 000 keys with Map.put in a reduce, then sum its values.
map = Enum.reduce(1..100_000, %{}, fn i, acc -> Map.put(acc, i, i * 2) end)
IO.puts(map_size(map))
IO.puts(Enum.reduce(map, 0, fn {_k, v}, acc -> acc + v end))
