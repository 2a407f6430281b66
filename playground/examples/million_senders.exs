# A million processes each cast :inc to one counter, then exit.
# The client polls the count until every cast was handled.
defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Poll do
  def until(counter, n) do
    case GenServer.call(counter, :get, :infinity) do
      ^n -> n
      _ ->
        Process.sleep(10)
        until(counter, n)
    end
  end
end

n = 1_000_000
{:ok, counter} = GenServer.start_link(Counter, 0, name: :counter)
Enum.each(1..n, fn _ -> spawn(fn -> GenServer.cast(counter, :inc) end) end)
IO.puts("#{n} senders spawned")
IO.puts("count: #{Poll.until(counter, n)}")
