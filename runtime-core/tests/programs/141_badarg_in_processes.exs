# A bad argument in another process: the `:DOWN` and `:EXIT` reasons carry the term `:badarg` and the
# built-in's call; the crash reports print the ArgumentError with the argument explained.
defmodule Shelf do
  use GenServer

  def init(items), do: {:ok, items}

  def handle_call({:take, index}, _from, items), do: {:reply, elem(items, index), items}
end

defmodule Main do
  def empty, do: []
  def pair, do: {:a, :b}

  def run do
    {pid, ref} = spawn_monitor(fn -> elem(pair(), 7) end)
    Process.sleep(50)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "DOWN")
    end

    Process.flag(:trap_exit, true)
    linked = spawn_link(fn -> String.to_integer("forty-two") end)
    Process.sleep(50)

    receive do
      {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "EXIT")
    end

    Process.flag(:trap_exit, false)
    spawn(fn -> hd(empty()) end)
    Process.sleep(50)

    {:ok, shelf} = GenServer.start(Shelf, {:book, :lamp})
    IO.inspect(GenServer.call(shelf, {:take, 1}), label: "take 1")

    try do
      GenServer.call(shelf, {:take, 9})
    catch
      :exit, {reason, {GenServer, :call, _}} -> IO.inspect(reason, label: "call exit")
    end

    Process.sleep(50)
  end
end

Main.run()
