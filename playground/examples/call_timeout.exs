# A call that takes too long: the caller exits with :timeout,
# unless it catches the exit. The server keeps working.
defmodule Slow do
  use GenServer

  def init(s), do: {:ok, s}

  def handle_call(:work, _from, s) do
    Process.sleep(200)
    {:reply, :done, s}
  end
end

{:ok, slow} = GenServer.start_link(Slow, nil, name: :slow)

result =
  try do
    GenServer.call(slow, :work, 50)
  catch
    :exit, {:timeout, _} -> :timed_out
  end

IO.inspect(result, label: "first call")
Process.sleep(300)
IO.inspect(Process.alive?(slow), label: "server still alive")
IO.inspect(GenServer.call(slow, :work, 1000), label: "second call")
