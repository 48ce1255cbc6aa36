# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'weighing_fields.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_WeighingFields(object):
    def setupUi(self, WeighingFields):
        if not WeighingFields.objectName():
            WeighingFields.setObjectName(u"WeighingFields")
        WeighingFields.resize(520, 120)
        self.main_layout = QVBoxLayout(WeighingFields)
        self.main_layout.setSpacing(4)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.scale_label = QLabel(WeighingFields)
        self.scale_label.setObjectName(u"scale_label")
        self.scale_label.setWordWrap(True)
        self.scale_label.setTextFormat(Qt.TextFormat.PlainText)

        self.main_layout.addWidget(self.scale_label)

        self.figures_layout = QGridLayout()
        self.figures_layout.setObjectName(u"figures_layout")
        self.bridge_label = QLabel(WeighingFields)
        self.bridge_label.setObjectName(u"bridge_label")

        self.figures_layout.addWidget(self.bridge_label, 0, 0, 1, 1)

        self.bridge_edit = QLineEdit(WeighingFields)
        self.bridge_edit.setObjectName(u"bridge_edit")
        self.bridge_edit.setMaxLength(12)

        self.figures_layout.addWidget(self.bridge_edit, 0, 1, 1, 1)

        self.vehicle_tare_label = QLabel(WeighingFields)
        self.vehicle_tare_label.setObjectName(u"vehicle_tare_label")

        self.figures_layout.addWidget(self.vehicle_tare_label, 0, 2, 1, 1)

        self.vehicle_tare_edit = QLineEdit(WeighingFields)
        self.vehicle_tare_edit.setObjectName(u"vehicle_tare_edit")
        self.vehicle_tare_edit.setMaxLength(12)

        self.figures_layout.addWidget(self.vehicle_tare_edit, 0, 3, 1, 1)

        self.tare_label = QLabel(WeighingFields)
        self.tare_label.setObjectName(u"tare_label")

        self.figures_layout.addWidget(self.tare_label, 1, 0, 1, 1)

        self.tare_edit = QLineEdit(WeighingFields)
        self.tare_edit.setObjectName(u"tare_edit")
        self.tare_edit.setMaxLength(12)

        self.figures_layout.addWidget(self.tare_edit, 1, 1, 1, 1)


        self.main_layout.addLayout(self.figures_layout)

        self.source_label = QLabel(WeighingFields)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)

        self.main_layout.addWidget(self.source_label)

        self.reason_layout = QHBoxLayout()
        self.reason_layout.setObjectName(u"reason_layout")
        self.reason_label = QLabel(WeighingFields)
        self.reason_label.setObjectName(u"reason_label")

        self.reason_layout.addWidget(self.reason_label)

        self.reason_edit = QLineEdit(WeighingFields)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(500)

        self.reason_layout.addWidget(self.reason_edit)


        self.main_layout.addLayout(self.reason_layout)

#if QT_CONFIG(shortcut)
        self.bridge_label.setBuddy(self.bridge_edit)
        self.vehicle_tare_label.setBuddy(self.vehicle_tare_edit)
        self.tare_label.setBuddy(self.tare_edit)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.bridge_edit, self.vehicle_tare_edit)
        QWidget.setTabOrder(self.vehicle_tare_edit, self.tare_edit)
        QWidget.setTabOrder(self.tare_edit, self.reason_edit)

        self.retranslateUi(WeighingFields)

        QMetaObject.connectSlotsByName(WeighingFields)
    # setupUi

    def retranslateUi(self, WeighingFields):
#if QT_CONFIG(accessibility)
        self.scale_label.setAccessibleName(QCoreApplication.translate("WeighingFields", u"The weighbridge's weight now, and its state", None))
#endif // QT_CONFIG(accessibility)
        self.scale_label.setText("")
        self.bridge_label.setText(QCoreApplication.translate("WeighingFields", u"Weigh&bridge kg", None))
#if QT_CONFIG(accessibility)
        self.bridge_edit.setAccessibleName(QCoreApplication.translate("WeighingFields", u"Weighbridge reading in kilograms: the whole vehicle with its load", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.bridge_edit.setToolTip(QCoreApplication.translate("WeighingFields", u"The weighbridge's reading: the vehicle with the container. F6 takes the scale's stable weight; typed, it needs a reason.", None))
#endif // QT_CONFIG(tooltip)
        self.bridge_edit.setPlaceholderText(QCoreApplication.translate("WeighingFields", u"press F6", None))
        self.vehicle_tare_label.setText(QCoreApplication.translate("WeighingFields", u"\u2212 vehic&le kg", None))
#if QT_CONFIG(accessibility)
        self.vehicle_tare_edit.setAccessibleName(QCoreApplication.translate("WeighingFields", u"Vehicle tare in kilograms: tractor and trailer, or the wagon, empty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.vehicle_tare_edit.setToolTip(QCoreApplication.translate("WeighingFields", u"The vehicle's own weight (tractor and trailer, or the rail wagon), as last weighed empty. Typed, it needs a reason.", None))
#endif // QT_CONFIG(tooltip)
        self.vehicle_tare_edit.setPlaceholderText(QCoreApplication.translate("WeighingFields", u"empty", None))
        self.tare_label.setText(QCoreApplication.translate("WeighingFields", u"Container &tare kg", None))
#if QT_CONFIG(accessibility)
        self.tare_edit.setAccessibleName(QCoreApplication.translate("WeighingFields", u"Container tare in kilograms, from the container door", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.tare_edit.setToolTip(QCoreApplication.translate("WeighingFields", u"Container tare: the empty container's weight as painted on its door (CSC plate), not the vehicle's.", None))
#endif // QT_CONFIG(tooltip)
        self.tare_edit.setPlaceholderText(QCoreApplication.translate("WeighingFields", u"on the door", None))
#if QT_CONFIG(accessibility)
        self.source_label.setAccessibleName(QCoreApplication.translate("WeighingFields", u"Where the weights came from", None))
#endif // QT_CONFIG(accessibility)
        self.source_label.setText("")
        self.reason_label.setText(QCoreApplication.translate("WeighingFields", u"Typed: re&ason", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("WeighingFields", u"Why a weight was typed rather than read from the scale", None))
#endif // QT_CONFIG(accessibility)
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("WeighingFields", u"why typed: scale out of order, tare from the wagon's stencil\u2026", None))
        pass
    # retranslateUi

