# Clauses of one function written apart, with another definition between
# them: Elixir warns when it reaches the later clause, after that clause's
# own variable warnings, naming where the function was first defined. The
# wording depends on the definition just before: another arity of the same
# name, or another function.
defmodule Counter do
  use GenServer

  def start_link(count), do: GenServer.start_link(__MODULE__, count)

  def init(count), do: {:ok, count}

  def handle_call(:get, _from, count), do: {:reply, count, count}

  def handle_cast(:increment, count), do: {:noreply, count + 1}

  def handle_call(:reset, from, _count) do
    {:reply, :ok, 0}
  end

  def handle_cast(:decrement, count), do: {:noreply, count - 1}

  defp label(count), do: "count: #{count}"
  def describe(count), do: label(count)
  defp label(count, prefix), do: prefix <> label(count)
  defp label(:none), do: "nothing"
  def describe(count, prefix), do: label(count, prefix)
end

IO.puts("defined")
{:ok, pid} = Counter.start_link(1)
GenServer.cast(pid, :increment)
IO.inspect(GenServer.call(pid, :get))
GenServer.cast(pid, :decrement)
IO.inspect(GenServer.call(pid, :reset))
IO.inspect(GenServer.call(pid, :get))
IO.puts(Counter.describe(2))
IO.puts(Counter.describe(3, "> "))
