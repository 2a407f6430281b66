# An uncaught ArithmeticError raised inside a module function.
defmodule Avg do
  def of(list), do: Enum.sum(list) / length(list)
end

IO.inspect(Avg.of([1, 2, 3, 4]))
IO.inspect(Avg.of([]))
