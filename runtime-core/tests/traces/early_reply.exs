defmodule Worker do
  use GenServer
  def init(_), do: {:ok, 0}

  def handle_call(:job, from, done) do
    GenServer.reply(from, :accepted)
    Process.sleep(5)
    {:noreply, done + 1}
  end
end

{:ok, pid} = GenServer.start_link(Worker, nil)
IO.inspect(GenServer.call(pid, :job))
