"""A logistic regression whose coefficients can be held within bounds, one feature at a time.

The signals have a documented direction (SIGNALS.md): an anonymous source or a hedge can only
make an article look less credible, a named source or a direct quote only more. Training data
from one country and year can still fit the opposite sign by chance (or, for a signal it never
shows, such as broken words, anything at all). Bounds hold each coefficient to its sign, and
can give it a minimum strength where the training data are silent, so the model's explanations
stay truthful on articles unlike its training set.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted, validate_data


class BoundedLogisticRegression(ClassifierMixin, BaseEstimator):
    """L2-regularised binary logistic regression with optional bounds on its coefficients.

    ``bounds``: one ``(low, high)`` pair per feature, ``None`` for an open side (``(None, 0)``
    holds a coefficient non-positive, ``(None, -0.4)`` at most -0.4); ``None`` leaves every
    coefficient free. The objective is sklearn's: ``C * sum(log-loss) + |w|^2 / 2``.
    """

    def __init__(
        self,
        C: float = 1.0,
        bounds: Sequence[tuple[float | None, float | None]] | None = None,
        max_iter: int = 1000,
    ) -> None:
        self.C = C
        self.bounds = bounds
        self.max_iter = max_iter

    def fit(self, X: np.ndarray, y: np.ndarray) -> BoundedLogisticRegression:
        X, y = validate_data(self, X, y, reset=True)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError("BoundedLogisticRegression needs exactly two classes")
        target = (y == self.classes_[1]).astype(float)
        features = X.shape[1]
        bounds = [(None, None)] * features if self.bounds is None else list(self.bounds)
        if len(bounds) != features:
            raise ValueError(f"bounds has {len(bounds)} entries for {features} features")
        bounds.append((None, None))  # the intercept is free

        def objective(weights: np.ndarray) -> tuple[float, np.ndarray]:
            coef, intercept = weights[:-1], weights[-1]
            logits = X @ coef + intercept
            loss = np.sum(np.logaddexp(0.0, logits) - target * logits)
            residual = expit(logits) - target
            gradient = np.append(self.C * (X.T @ residual) + coef, self.C * residual.sum())
            return self.C * loss + 0.5 * coef @ coef, gradient

        result = minimize(
            objective,
            np.zeros(features + 1),
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"maxiter": self.max_iter},
        )
        self.coef_ = result.x[:-1].reshape(1, -1)
        self.intercept_ = result.x[-1:].copy()
        self.n_iter_ = np.asarray([result.nit])
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        check_is_fitted(self, "coef_")
        X = validate_data(self, X, reset=False)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        positive = expit(self.decision_function(X))
        return np.column_stack([1.0 - positive, positive])

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[(self.decision_function(X) > 0).astype(int)]
