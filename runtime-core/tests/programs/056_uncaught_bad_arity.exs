# An uncaught BadArityError from calling an anonymous function with too many arguments.
defmodule Run do
  def with_two(fun), do: fun.(1, 2)
end

IO.puts("calling")
Run.with_two(fn x -> x end)
