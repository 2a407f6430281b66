# case with patterns, guards and the CaseClauseError.
defmodule Classify do
  def kind(value) do
    case value do
      {:ok, n} when is_integer(n) and n > 100 -> "big ok #{n}"
      {:ok, n} when is_integer(n) -> "ok #{n}"
      {:ok, other} -> "ok but #{inspect(other)}"
      {:error, reason} -> "error #{inspect(reason)}"
      [] -> "empty list"
      [_ | _] = list -> "list of #{length(list)}"
      %{type: t} -> "map of type #{t}"
      x when is_binary(x) -> "string #{x}"
    end
  end

  def v(x), do: x
end

for value <- [{:ok, 500}, {:ok, 5}, {:ok, :x}, {:error, :closed}, [], [1, 2], %{type: :user, id: 1}, "text"] do
  IO.puts(Classify.kind(value))
end

for value <- [:unknown, {:ok, 1, 2}, 3.5, %{no_type: true}] do
  try do
    Classify.kind(value)
  rescue
    e in CaseClauseError -> IO.puts("#{Exception.message(e)} (term: #{inspect(e.term)})")
  end
end

result =
  case Classify.v(3) do
    1 -> :one
    _ -> :other
  end
IO.inspect(result)

x = 10
IO.inspect(case Classify.v(10) do
  ^x -> :pinned
  _ -> :not_pinned
end)

IO.inspect(case Classify.v({1, 2}) do
  {a, b} when a > b -> :desc
  {a, b} when a < b -> :asc
  _ -> :eq
end)

IO.inspect(case Classify.v(:a) do
  y when y in [:a, :b] -> {:in_list, y}
end)
