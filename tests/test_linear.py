import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from scorer.linear import BoundedLogisticRegression


@pytest.fixture()
def data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 3))
    y = (X @ np.array([1.0, -2.0, 0.5]) + rng.normal(size=400) > 0).astype(int)
    return X, y


def test_without_bounds_it_is_sklearns_logistic_regression(data):
    X, y = data
    ours = BoundedLogisticRegression(C=1.0).fit(X, y)
    reference = LogisticRegression(C=1.0).fit(X, y)
    np.testing.assert_allclose(ours.coef_, reference.coef_, atol=1e-3)
    np.testing.assert_allclose(ours.predict_proba(X), reference.predict_proba(X), atol=1e-3)
    assert (ours.predict(X) == reference.predict(X)).mean() > 0.99


def test_bounds_hold(data):
    X, y = data
    model = BoundedLogisticRegression(bounds=[(None, 0.0), (None, None), (None, -1.0)]).fit(X, y)
    assert model.coef_[0, 0] == pytest.approx(0.0, abs=1e-9)
    assert model.coef_[0, 2] <= -1.0 + 1e-9
    assert model.coef_[0, 1] < -1.0


def test_wrong_number_of_bounds_and_one_class(data):
    X, y = data
    with pytest.raises(ValueError, match="bounds"):
        BoundedLogisticRegression(bounds=[(None, None)]).fit(X, y)
    with pytest.raises(ValueError, match="two classes"):
        BoundedLogisticRegression().fit(X, np.zeros(len(y)))
