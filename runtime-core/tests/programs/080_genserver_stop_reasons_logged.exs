# Stopping with a reason other than :normal, :shutdown or {:shutdown, _} makes the logger report it.
defmodule Stoppable do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def terminate(reason, _state), do: IO.puts("terminate(#{inspect(reason)})")
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start(Stoppable, %{jobs: 3})
    result = GenServer.stop(pid, :out_of_memory)
    # Give the logger time to print its report before this process prints.
    Process.sleep(50)
    IO.inspect(result, label: "stop returns")
  end
end

Demo.run()
