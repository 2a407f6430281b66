# The frames below a script's own code: `elixir file.exs` runs a script from
# Code.require_file/2 through the compiler, and a stack trace shows them (up to
# its depth of eight entries). An uncaught error prints only Code.require_file/2
# of these.
defmodule Deep do
  def one, do: two() + 1
  def two, do: raise("deep")

  def caught do
    try do
      one()
    rescue
      _ -> __STACKTRACE__
    end
  end
end

try do
  raise "at the top"
rescue
  _ -> IO.inspect(__STACKTRACE__)
end

IO.inspect(Deep.caught())

try do
  throw(:ball)
catch
  :throw, :ball -> IO.inspect(length(__STACKTRACE__), label: "entries")
end

Deep.two()
