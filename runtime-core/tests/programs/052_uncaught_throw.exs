# A throw that nobody catches.
defmodule Thrower do
  def go(x), do: throw({:unexpected, x})
end

IO.puts("about to throw")
Thrower.go(%{reason: "no catch"})
