# The main script calls a GenServer that stops while handling the call, and does not catch the exit.
defmodule Bank do
  use GenServer

  def init(balance), do: {:ok, balance}

  def handle_call({:withdraw, amount}, _from, balance) when amount <= balance do
    {:reply, :ok, balance - amount}
  end

  def handle_call({:withdraw, amount}, _from, balance) do
    {:stop, {:insufficient_funds, amount}, balance}
  end
end

{:ok, pid} = GenServer.start(Bank, 100)
IO.inspect(GenServer.call(pid, {:withdraw, 30}))
GenServer.call(pid, {:withdraw, 500})
IO.puts("not reached")
