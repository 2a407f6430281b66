# Calling a function of a module that does not exist.
defmodule Caller do
  def call(mod), do: mod.start(:now)
end

IO.puts("calling a missing module")
Caller.call(Missing.Module)
