# Reply first, then work: GenServer.reply/2 unblocks the caller at once,
# and the server goes on with the job.
defmodule Worker do
  use GenServer

  def init(_), do: {:ok, []}

  def handle_call({:job, n}, from, done) do
    GenServer.reply(from, :accepted)
    Process.sleep(100)
    {:noreply, [n | done]}
  end

  def handle_call(:done, _from, done), do: {:reply, Enum.reverse(done), done}
end

{:ok, worker} = GenServer.start_link(Worker, nil, name: :worker)
IO.inspect(GenServer.call(worker, {:job, 1}), label: "job 1")
IO.inspect(GenServer.call(worker, {:job, 2}), label: "job 2")
IO.inspect(GenServer.call(worker, :done), label: "finished jobs")
