# An uncaught CaseClauseError.
defmodule Status do
  def describe(code) do
    case code do
      200 -> "ok"
      404 -> "not found"
    end
  end
end

IO.puts(Status.describe(200))
IO.puts(Status.describe(500))
