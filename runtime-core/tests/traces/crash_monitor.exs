defmodule Fragile do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_cast(:explode, _s), do: raise("kaboom")
end

defmodule Main do
  def run do
    {:ok, pid} = GenServer.start(Fragile, :calm)
    ref = Process.monitor(pid)
    GenServer.cast(pid, :explode)

    receive do
      {:DOWN, ^ref, :process, ^pid, {%RuntimeError{message: m}, _}} -> IO.puts("down: #{m}")
    end
  end
end

Main.run()
