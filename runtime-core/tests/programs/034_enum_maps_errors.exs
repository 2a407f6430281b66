# Enum over maps, Map.new with a function, and errors from empty collections.
m = %{c: 3, a: 1, b: 2}
IO.inspect(Enum.map(m, fn {k, v} -> {k, v * 10} end))
IO.inspect(Enum.map(m, fn {k, v} -> "#{k}=#{v}" end) |> Enum.join("&"))
IO.inspect(Enum.filter(m, fn {_k, v} -> v > 1 end))
IO.inspect(Enum.reduce(m, 0, fn {_k, v}, acc -> acc + v end))
IO.inspect(Enum.count(m))
IO.inspect(Enum.member?(m, {:a, 1}))
IO.inspect(Enum.sort_by(m, fn {_k, v} -> -v end))
IO.inspect(Enum.into(Enum.map(m, fn {k, v} -> {v, k} end), %{}))
IO.inspect(Map.new(m, fn {k, v} -> {Atom.to_string(k), v} end))
IO.inspect(Enum.max_by(m, fn {_k, v} -> v end))
IO.inspect(Enum.find(m, fn {_k, v} -> v == 2 end))
IO.inspect(Enum.to_list(m))
IO.inspect(Enum.with_index(m))
IO.inspect(Map.new(1..3, &{&1, &1 * 2}))
IO.inspect(Enum.map(%{}, & &1))

defmodule E do
  def v(x), do: x

  def show(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

E.show("max of []", fn -> Enum.max(E.v([])) end)
E.show("min of []", fn -> Enum.min(E.v([])) end)
E.show("reduce/2 of []", fn -> Enum.reduce(E.v([]), &+/2) end)
E.show("min_by of []", fn -> Enum.min_by(E.v([]), & &1) end)
E.show("random of []", fn -> Enum.random(E.v([])) end)
E.show("fetch! out of range", fn -> Enum.fetch!(E.v([1]), 5) end)
E.show("map over integer", fn -> Enum.map(E.v(5), & &1) end)
E.show("sum of atoms", fn -> Enum.sum(E.v([1, :two])) end)
E.show("chunk_every 0", fn -> Enum.chunk_every(E.v([1]), 0) end)
E.show("Map.new bad", fn -> Map.new(E.v([1, 2])) end)
E.show("join non-string", fn -> Enum.join(E.v([{:a}]), ",") end)
