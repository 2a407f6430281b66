# Calls whose module is a value: compiled functions, natives, undefined and
# private functions, in and out of tail position, and a crash inside one.
defmodule Shapes do
  def area({:square, side}), do: side * side
  def area({:rect, w, h}), do: w * h
  def describe(mod, shape), do: "#{inspect(mod)}: #{mod.area(shape)}"
  def twice(mod, x), do: mod.double(mod.double(x))
  def double(x), do: x * 2
  defp hidden(x), do: x
  def use_hidden, do: hidden(1)
end

mod = Shapes
IO.puts(mod.area({:square, 3}))
IO.puts(Shapes.describe(Shapes, {:rect, 2, 5}))
IO.puts(Shapes.twice(Shapes, 10))
IO.puts(Shapes.use_hidden())

string = String
IO.puts(string.upcase("native through a variable"))
IO.inspect(Enum.map([{:square, 1}, {:rect, 2, 3}], fn s -> mod.area(s) end))

IO.inspect(try do mod.volume(1) rescue e -> Exception.message(e) end)
IO.inspect(try do mod.hidden(1) rescue e -> Exception.message(e) end)
IO.inspect(try do mod.area(:circle) rescue e -> e.__struct__ end)

# Many calls in a row: the same module, then another, then the first again.
total = Enum.reduce(1..1000, 0, fn i, acc -> acc + mod.double(i) end)
IO.puts(total)
defmodule Circles do
  def area({:circle, r}), do: 3 * r * r
end

for {m, shape} <- [{Shapes, {:square, 2}}, {Circles, {:circle, 1}}, {Shapes, {:rect, 1, 2}}],
    do: IO.puts(m.area(shape))
