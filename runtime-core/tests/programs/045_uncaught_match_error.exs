# An uncaught MatchError at the top level of a script.
defmodule Lookup do
  def find(key), do: Map.fetch(%{a: 1}, key)
end

IO.puts("looking up :b")
{:ok, value} = Lookup.find(:b)
IO.puts("never printed #{value}")
