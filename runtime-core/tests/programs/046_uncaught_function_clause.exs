# An uncaught FunctionClauseError shows the arguments that were given.
defmodule Shapes do
  def area({:square, side}), do: side * side
  def area({:circle, r}) when r > 0, do: 3.14 * r * r
end

IO.puts(Shapes.area({:square, 3}))
IO.puts(Shapes.area({:triangle, 1, 2}))
