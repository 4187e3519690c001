"""Sums of detached per-batch losses on the device, one .item() at the end; predictions collected then compared."""
import torch


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    sums, count = [], 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        for p in model.parameters():
            p.grad = None
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        sums.append(loss.detach() * x.size(0))
        count += x.size(0)
    return (torch.stack(sums).sum() / count).item()


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    preds, labels, sums = [], [], []
    for x, y in loader:
        logits = model(x.to(device))
        sums.append(loss_fn(logits, y.to(device)) * len(y))
        preds.append(logits.argmax(-1).cpu())
        labels.append(y)
    preds, labels = torch.cat(preds), torch.cat(labels)
    return (torch.stack(sums).sum() / len(labels)).item(), (preds == labels).double().mean().item()
