# A linked GenServer that crashes in a call: its error report prints before the
# script's own exit, which the link brings.
defmodule S do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:crash, _, s), do: {:reply, 1 / s, s}
end
defmodule Main do
  def run do
    {:ok, pid} = GenServer.start_link(S, 0)
    GenServer.call(pid, :crash)
  end
end
Main.run()
