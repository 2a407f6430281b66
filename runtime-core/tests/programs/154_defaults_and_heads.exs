# Default arguments belong in a bodiless head written before the clauses.
# Elixir warns when they sit on one of several clauses, or when a clause
# without defaults follows one with them, and when a head comes after the
# clauses it introduces.
defmodule Shapes do
  def area(:square, side \\ 1), do: side * side
  def area(:circle, r), do: 3 * r * r

  def label(:a), do: "A"
  def name, do: "shapes"
  def label(x \\ :b)

  def scale(kind, factor \\ 2)
  def scale(:small, factor), do: factor
  def scale(_, factor), do: factor * 10
  def scale(kind, factor)

  def grow(:double, n \\ 1), do: n * 2
  def grow(:triple, n), do: n * 3
  def grow(:same, n), do: n
end

IO.inspect(Shapes.area(:square))
IO.inspect(Shapes.area(:circle, 2))
IO.inspect(Shapes.scale(:small))
IO.inspect(Shapes.scale(:big, 3))
IO.inspect(Shapes.grow(:double))
IO.inspect(Shapes.name())
# label/1's head comes after its clause: label() calls label(:b), which no clause takes.
IO.inspect(Shapes.label())
