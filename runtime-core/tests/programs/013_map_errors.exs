# KeyError and BadMapError from map access and update.
defmodule M do
  def v(x), do: x

  def show(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

m = M.v(%{a: 1, b: 2})
M.show("update missing key", fn -> %{m | c: 3} end)
M.show("dot missing key", fn -> m.c end)
M.show("fetch!", fn -> Map.fetch!(m, :c) end)
M.show("update!", fn -> Map.update!(m, :c, & &1) end)
M.show("string key fetch!", fn -> Map.fetch!(M.v(%{"x" => 1}), "y") end)
M.show("update on non-map", fn -> %{M.v(:not_a_map) | a: 1} end)
M.show("dot on non-map", fn -> M.v(:not_a_map).a end)
M.show("Map.get on non-map", fn -> Map.get(M.v([a: 1]), :a) end)
M.show("keyword access", fn -> M.v([a: 1])[:a] end)
M.show("nil access", fn -> M.v(nil)[:a] end)
M.show("dot on nil", fn -> M.v(nil).a end)
M.show("Keyword.fetch!", fn -> Keyword.fetch!([a: 1], :b) end)

try do
  Map.fetch!(m, :zz)
rescue
  e in KeyError -> IO.inspect({e.key, e.term})
end
