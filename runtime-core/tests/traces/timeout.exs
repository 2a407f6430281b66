defmodule Slow do
  use GenServer
  def init(_), do: {:ok, nil}

  def handle_call(:work, _from, s) do
    Process.sleep(20)
    {:reply, :done, s}
  end
end

{:ok, pid} = GenServer.start_link(Slow, nil)

result =
  try do
    GenServer.call(pid, :work, 5)
  catch
    :exit, {:timeout, _} -> :timed_out
  end

IO.inspect(result)
Process.sleep(30)
