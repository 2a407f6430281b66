# with: happy path, else clauses, bare matches and the WithClauseError.
defmodule Flow do
  def fetch(:good), do: {:ok, 10}
  def fetch(:bad), do: {:error, :not_found}
  def fetch(:weird), do: :weird

  def double(n) when n > 5, do: {:ok, n * 2}
  def double(_), do: {:error, :too_small}

  def run(key) do
    with {:ok, n} <- fetch(key),
         {:ok, d} <- double(n) do
      {:done, d}
    else
      {:error, reason} -> {:failed, reason}
    end
  end

  def no_else(key) do
    with {:ok, n} <- fetch(key) do
      n
    end
  end

  def mixed(x) do
    with {:ok, n} when n > 0 <- {:ok, x},
         doubled = n * 2,
         true <- doubled < 100 do
      doubled
    end
  end
end

IO.inspect(Flow.run(:good))
IO.inspect(Flow.run(:bad))
IO.inspect(Flow.no_else(:good))
IO.inspect(Flow.no_else(:bad))
IO.inspect(Flow.no_else(:weird))
IO.inspect(Flow.mixed(10))
IO.inspect(Flow.mixed(-1))
IO.inspect(Flow.mixed(70))

try do
  Flow.run(:weird)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  with {:ok, x} <- Flow.fetch(:bad) do
    x
  else
    :never -> :never
  end
rescue
  e in WithClauseError -> IO.inspect(e.term, label: "unmatched")
end
