# A bodiless head declares a function; a module whose head has no clause
# does not compile. Elixir finds out once every definition is stored, after
# the warnings of the functions defined so far.
defmodule Stack do
  def push(stack, item, extra), do: [item | stack]
  def pop(stack, default \\ nil)
  def peek([top | _]), do: top
end

IO.inspect(Stack.push([], 1, 2))
