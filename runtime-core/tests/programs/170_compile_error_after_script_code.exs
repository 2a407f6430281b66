# A module that does not compile fails when the script reaches its
# defmodule: the code above runs first, the modules before print their
# warnings as they are defined, and the error ends the script there.
IO.puts("a")

defmodule Fine do
  def f(x), do: 1
end

IO.puts("b")

defmodule Broken do
  def g(y), do: undefined_thing(y)
end

IO.puts("never printed")
