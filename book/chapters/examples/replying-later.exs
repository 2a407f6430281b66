defmodule Lookup do
  use GenServer

  def init(_), do: {:ok, %{}}

  def handle_call(:fast, _from, state), do: {:reply, :fast_answer, state}

  def handle_call(:slow, from, state) do
    server = self()

    Task.start(fn ->
      Process.sleep(200)
      send(server, {:finished, from, :slow_answer})
    end)

    {:noreply, state}
  end

  def handle_info({:finished, from, answer}, state) do
    GenServer.reply(from, answer)
    {:noreply, state}
  end
end

{:ok, server} = GenServer.start_link(Lookup, nil)
parent = self()

spawn(fn -> send(parent, {:slow, GenServer.call(server, :slow)}) end)
Process.sleep(50)
spawn(fn -> send(parent, {:fast, GenServer.call(server, :fast)}) end)

for _ <- 1..2 do
  receive do
    {kind, answer} -> IO.puts("#{kind} caller got #{inspect(answer)}")
  end
end
