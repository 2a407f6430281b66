# Values updated in place at a variable's last use must not change what other
# variables, branches, handlers or closures still see.
map = Enum.reduce(1..60_000, %{}, fn i, acc -> Map.put(acc, i, i * 2) end)
IO.puts(map_size(map))
IO.puts(Enum.reduce(map, 0, fn {_k, v}, acc -> acc + v end))

small = Enum.reduce([:c, :a, :b], %{}, fn k, acc -> Map.put(acc, k, Atom.to_string(k)) end)
IO.inspect(small)

# The old map stays as it was when it is read again after the update.
base = %{a: 1, b: 2}
bigger = Map.put(base, :c, 3)
smaller = Map.delete(base, :a)
merged = Map.merge(base, %{b: 20, d: 4})
IO.inspect({base, bigger, smaller, merged})

counts = Enum.reduce(~w(a b a c b a), %{}, fn w, acc -> Map.update(acc, w, 1, &(&1 + 1)) end)
IO.inspect(counts)
IO.inspect(Enum.reduce(1..5, %{}, fn i, acc -> Map.merge(acc, %{i => i * i}) end))
IO.inspect(Enum.reduce(1..10, Map.new(1..10, &{&1, &1}), fn i, acc -> if rem(i, 2) == 0, do: Map.delete(acc, i), else: acc end))

tuple = Enum.reduce(0..4, {0, 0, 0, 0, 0}, fn i, t -> put_elem(t, i, i * 10) end)
IO.inspect(tuple)
t0 = {1, 2, 3}
t1 = put_elem(t0, 0, :x)
IO.inspect({t0, t1})

list = Enum.reduce(1..5, [], fn i, acc -> [i | acc] end)
IO.inspect(list)

# A variable read in a rescue after its last use in the body.
m = %{k: 1}
result =
  try do
    m2 = Map.put(m, :k, 2)
    raise "boom #{m2.k}"
  rescue
    e -> {e.message, m}
  end
IO.inspect(result)

# A closure captures a value whose variable is used again afterwards.
captured = %{n: 1}
f = fn -> Map.put(captured, :n, 2) end
IO.inspect({f.(), captured, f.()})

# Branches: the variable is the last use in one branch, read later in the other.
check = fn x, flag ->
  y = if flag, do: Map.put(x, :seen, true), else: x
  {y, x}
end
IO.inspect(check.(%{}, true))
IO.inspect(check.(%{}, false))

# A function clause error still reports the original arguments.
defmodule Moves do
  def only_maps(%{} = m, key) when is_atom(key), do: Map.put(m, key, true)
end
IO.inspect(Moves.only_maps(%{}, :a))
try do
  Moves.only_maps(%{a: 1}, "no")
rescue
  e -> IO.puts(Exception.format(:error, e, []) |> String.split("\n") |> hd())
end

# A receive loop keeps reading a variable across turns.
parent = self()
pid = spawn(fn ->
  state = %{seen: []}
  loop = fn loop, state ->
    receive do
      {:add, x} -> loop.(loop, Map.update!(state, :seen, &[x | &1]))
      :done -> send(parent, {:state, state})
    end
  end
  loop.(loop, state)
end)
for x <- 1..3, do: send(pid, {:add, x})
send(pid, :done)
receive do
  {:state, s} -> IO.inspect(s)
end
